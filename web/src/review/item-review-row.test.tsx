import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compile, score } from '@zhiping/forms';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../app/query-client.ts';
import { LocaleProvider } from '../i18n/locale.tsx';
import { stubFetch } from '../test/fetch-stub.ts';
import { definition } from '../test/fixture.ts';
import { ItemReviewRow } from './item-review-row.tsx';

afterEach(() => vi.unstubAllGlobals());

const c = compile(definition);
const answers = { 'p.make': true, 'm.policy': true, 'm.records': 1 };
const result = score(c, answers);

function setup(itemId: string, onSaved = vi.fn()) {
  const i = c.itemIndex.get(itemId) ?? -1;
  const ci = c.items[i];
  const res = result.items[i];
  if (!ci || !res) throw new Error(itemId);
  render(
    <QueryClientProvider client={createQueryClient()}>
      <LocaleProvider locale="zh">
        <ol>
          <ItemReviewRow
            assessmentId="a1"
            item={ci.item}
            res={res}
            answer={answers[itemId as keyof typeof answers]}
            definition={definition}
            review={undefined}
            onSaved={onSaved}
            disabled={false}
          />
        </ol>
      </LocaleProvider>
    </QueryClientProvider>,
  );
  return { user: userEvent.setup(), onSaved };
}

describe('ItemReviewRow', () => {
  it('shows the self-assessed answer in the shared words beside the judgement', () => {
    setup('m.records');
    // answerText: the same words as the results page, the PDF and the workbook.
    expect(screen.getByText('运行有记录（1 级）')).toBeTruthy();
    expect(screen.getByText('一般不符合')).toBeTruthy();
  });

  it('sends an override with its status, points for a partial, and the reason', async () => {
    const calls = stubFetch((call) => ({
      status: 200,
      body: { item: 'm.records', verdict: 'override', ...(call.body as object) },
    }));
    const { user, onSaved } = setup('m.records');
    await user.click(screen.getByText('改判'));
    await user.click(screen.getByRole('radio', { name: '一般不符合' }));
    await user.type(screen.getByLabelText('得分（满分 10）'), '3');
    await user.type(screen.getByLabelText('改判理由'), '记录只覆盖半年');
    await user.click(screen.getByRole('button', { name: /保存意见/ }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls[0]).toMatchObject({
      url: '/api/assessments/a1/reviews/m.records',
      method: 'PUT',
      body: { verdict: 'override', status: 'partial', points: 3, reason: '记录只覆盖半年' },
    });
  });

  it('sends a plain agreement without override fields', async () => {
    const calls = stubFetch(() => ({ status: 200, body: {} }));
    const { user, onSaved } = setup('m.policy');
    await user.click(screen.getByRole('button', { name: /保存意见/ }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls[0]?.body).toEqual({ verdict: 'agree' });
  });
});
