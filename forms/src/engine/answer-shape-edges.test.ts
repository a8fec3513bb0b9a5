import { describe, expect, it } from 'vitest';
import { evidenceIssue } from './answer-shape.ts';

describe('evidenceIssue edges', () => {
  it('an unknown field of a file is reported at that file', () => {
    expect(
      evidenceIssue({
        files: [
          { id: 'f1', name: 'a.pdf' },
          { id: 'f2', name: 'b.pdf', size: 3 },
        ],
      }),
    ).toEqual({
      code: 'answer.unknown_fields',
      params: { keys: 'size' },
      path: ['files', 1],
    });
  });
});
