import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.ts';

const user = { email: 'zhang.wei@example.cn', name: '张伟' };

describe('password policy', () => {
  it('refuses short, common, and personal passwords', () => {
    expect(passwordProblems('password12', user)).toContain('too_short');
    expect(passwordProblems('password1234', user)).toEqual(['too_common']);
    expect(passwordProblems('qwertyuiop123', user)).toContain('too_common');
    expect(passwordProblems('zhang.wei@example.cn', user)).toContain('contains_email');
    expect(passwordProblems('zhang.wei-Tiger-88', user)).toContain('contains_email');
    expect(passwordProblems('张伟-garden-lantern-7', user)).toContain('contains_name');
  });

  it('accepts a long unrelated passphrase', () => {
    expect(passwordProblems('violet-harbour-tractor-41', user)).toEqual([]);
    expect(passwordProblems('Demo-2026-zhiping-Xq', user)).toEqual([]);
  });
});
