import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/** Why a password is refused: stable codes, worded at the HTTP boundary. */
export type PasswordReason = 'too_short' | 'contains_email' | 'contains_name' | 'too_common';

export const MIN_PASSWORD_LENGTH = 12;

let estimator: ZxcvbnFactory | undefined;

/*
 * Strength is zxcvbn's estimate (common passwords, dictionary words, names,
 * keyboard patterns, dates, l33t), not a list of our own; its dictionaries
 * load once per process, on the first check.
 */
const zxcvbn = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }));

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/**
 * What is wrong with a new password for this account, or [] when it passes:
 * at least 12 characters, not containing the e-mail (or its part before @)
 * or the name, and rated at least 3 of 4 by zxcvbn with both as context.
 *
 * @example passwordProblems('password1234', { email: 'a@b.cn', name: 'A' }) // ['too_common']
 */
export function passwordProblems(
  password: string,
  user: { email: string; name: string },
): PasswordReason[] {
  const reasons: PasswordReason[] = [];
  const pw = fold(password);
  if ([...password].length < MIN_PASSWORD_LENGTH) reasons.push('too_short');
  const email = fold(user.email);
  const local = email.split('@')[0] ?? '';
  if (pw.includes(email) || (local.length >= 3 && pw.includes(local)))
    reasons.push('contains_email');
  const names = fold(user.name)
    .split(/\s+/)
    .concat(fold(user.name).replace(/\s+/g, ''))
    .filter((n) => [...n].length >= 2);
  if (names.some((n) => pw.includes(n))) reasons.push('contains_name');
  if (zxcvbn().check(password, [user.email, local, user.name]).score < 3)
    reasons.push('too_common');
  return reasons;
}
