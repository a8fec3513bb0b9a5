/**
 * Presentation: codes from the engine and the shared enums in words, in
 * zh-CN (default) or English. The web app and the reports both render
 * through here, so a status, an answer or a reason reads the same on every
 * page and in every file.
 */
export { type AnswerTextContext, answerText, quantity } from './answer-text.ts';
export { enGB } from './catalogue-en.ts';
export { type MessageKey, zhCN } from './catalogue-zh.ts';
export { cohortGradeText, cohortReasonText } from './cohort-text.ts';
export { issueText } from './issue-text.ts';
export {
  fill,
  formatDate,
  formatNumber,
  formatScore,
  type Params,
  standardName,
  textOf,
  translate,
} from './translate.ts';
export {
  blockerText,
  reasonText,
  traceText,
  type VerdictContext,
  verdictLabel,
} from './verdict-text.ts';
