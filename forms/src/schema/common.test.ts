import { describe, expect, it } from 'vitest';
import { compareVersions } from './common.ts';

describe('compareVersions', () => {
  it('orders by number, not by text', () => {
    expect(['1.10.0', '1.2.0', '0.9.9', '1.2.10'].sort(compareVersions)).toEqual([
      '0.9.9',
      '1.2.0',
      '1.2.10',
      '1.10.0',
    ]);
    expect(compareVersions('2.0.0', '2.0.0')).toBe(0);
  });
});
