import type { AssessmentDetail, Saved } from '../api/types.ts';
import type { SaveBody } from './use-autosave.ts';

/** The server calls the questionnaire makes; the page passes the real API, tests a fake. */
export interface QuestionnaireClient {
  /** The questionnaire needs the new revision; the page also keeps the rest of the delta. */
  save: (id: string, body: SaveBody) => Promise<Pick<Saved, 'revision'>>;
  submit: (id: string, revision: number) => Promise<unknown>;
  assessment: (id: string) => Promise<AssessmentDetail>;
  /** Stores an evidence file; absent (as in tests) → the file picker is disabled. */
  uploadFile?: (
    id: string,
    file: File,
    onProgress?: (fraction: number) => void,
  ) => Promise<{ id: string; name: string }>;
}
