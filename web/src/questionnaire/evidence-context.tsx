import { createContext, useContext } from 'react';

/** How an evidence input stores a file: the questionnaire supplies it for its assessment. */
export interface EvidenceFiles {
  upload(file: File): Promise<{ id: string; name: string }>;
  /** Where a stored file can be opened. */
  url(fileId: string): string;
}

export const EvidenceFilesContext = createContext<EvidenceFiles | null>(null);

export const useEvidenceFiles = () => useContext(EvidenceFilesContext);
