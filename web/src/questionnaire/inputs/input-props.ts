import type { Typed } from './use-typed.ts';

/** What every answer input gets from its item's field. */
export interface InputProps {
  /** The input's own id, for a <label for>. */
  id: string;
  value: unknown;
  /** A choice or a file: the form takes it at once. */
  onChange: (value: unknown) => void;
  /** The answer as it is typed: text boxes are uncontrolled, handed to the form as typing pauses (use-typed.ts). */
  typed: Pick<Typed, 'type' | 'pending' | 'current'>;
  onBlur?: () => void;
  /** Id of the question's prompt, which names the input. */
  labelledBy: string;
  /** Ids of the help, evidence hint and error message, space-separated. */
  describedBy: string;
  required: boolean;
  invalid: boolean;
  disabled?: boolean;
}
