import { createContext, useContext } from 'react';

/** How an evidence input stores a file: the questionnaire supplies it for its assessment. */
export interface EvidenceFiles {
  /** Stores a file, telling how much of it has been sent (0–1) as it goes. */
  upload(
    file: File,
    onProgress?: (fraction: number) => void,
  ): Promise<{ id: string; name: string }>;
  /** Where a stored file can be opened. */
  url(fileId: string): string;
}

export const EvidenceFilesContext = createContext<EvidenceFiles | null>(null);

export const useEvidenceFiles = () => useContext(EvidenceFilesContext);
