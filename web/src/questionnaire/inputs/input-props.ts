/** What every answer input gets from its item's field. */
export interface InputProps {
  /** The input's own id, for a <label for>. */
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
  onBlur?: () => void;
  /** Id of the question's prompt, which names the input. */
  labelledBy: string;
  /** Ids of the help, evidence hint and error message, space-separated. */
  describedBy: string;
  required: boolean;
  invalid: boolean;
  disabled?: boolean;
}
