import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compile, Definition, score } from '@zhiping/forms';
import { describe, expect, it, vi } from 'vitest';
import { LocaleProvider, translator } from '../i18n/locale.tsx';
import { definition } from '../test/fixture.ts';
import { ScorePanel } from './score-panel.tsx';

// The fixture with a gate on the next tier: it reads the production question.
const gated = Definition.parse({
  ...definition,
  gates: [
    {
      id: 'g.make',
      kind: 'eligibility',
      title: '有自己的生产环节',
      condition: { op: 'eq', ref: 'p.make', value: true },
      failMessage: '没有生产环节',
    },
  ],
  tiers: [
    { id: 'no', label: '尚未就绪' },
    { id: 'yes', label: '基本就绪', minScore: 60, gates: ['g.make'] },
  ],
});

describe('ScorePanel', () => {
  it('names the gates still open and links each to the question it reads', async () => {
    const c = compile(gated);
    const result = score(c, {}, { asOf: '2026-11-21' });
    const onGoTo = vi.fn();
    render(
      <LocaleProvider locale="zh">
        <ScorePanel result={result} compiled={c} onGoTo={onGoTo} locale="zh" t={translator('zh')} />
      </LocaleProvider>,
    );
    const list = screen.getByTestId('open-gates');
    await userEvent.click(within(list).getByRole('button', { name: '有自己的生产环节' }));
    expect(onGoTo).toHaveBeenCalledWith('p.make');
  });
});
