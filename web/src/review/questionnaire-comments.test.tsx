import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compile, score } from '@zhiping/forms';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../app/query-client.ts';
import { LocaleProvider } from '../i18n/locale.tsx';
import { stubFetch } from '../test/fetch-stub.ts';
import { definition, detail } from '../test/fixture.ts';
import { consoleOf } from './console-fixture.ts';
import {
  ItemReviewerComment,
  ReviewCommentsProvider,
  wasReturned,
} from './questionnaire-comments.tsx';

afterEach(() => vi.unstubAllGlobals());

const result = score(compile(definition), { 'm.policy': false });
const base = consoleOf(result);

function open(enabled: boolean) {
  const calls = stubFetch((call) =>
    call.url === '/api/assessments/a1/review'
      ? {
          status: 200,
          body: {
            ...base,
            items: base.items.map((ci) =>
              ci.item === 'm.policy'
                ? { ...ci, replies: [{ round: 1, comment: '请上传制度文件', reply: null }] }
                : ci,
            ),
          },
        }
      : { status: 200, body: { round: 1, comment: '', reply: null } },
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <LocaleProvider locale="zh">
        <ReviewCommentsProvider assessmentId="a1" enabled={enabled}>
          <ItemReviewerComment itemId="m.policy" idBase="q-m_policy" />
          <ItemReviewerComment itemId="p.staff" idBase="q-p_staff" />
        </ReviewCommentsProvider>
      </LocaleProvider>
    </QueryClientProvider>,
  );
  return { calls, user: userEvent.setup() };
}

describe('reviewer comments in the questionnaire', () => {
  it('shows the comment beside its item and sends the reply', async () => {
    const { calls, user } = open(true);
    expect(await screen.findByText('请上传制度文件')).toBeTruthy();
    // Only the commented item has a reply box.
    expect(screen.getAllByLabelText('您的回复')).toHaveLength(1);
    await user.type(screen.getByLabelText('您的回复'), '已上传 2026 版制度');
    await user.click(screen.getByRole('button', { name: '回复' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
        url: '/api/assessments/a1/replies/m.policy',
        body: { text: '已上传 2026 版制度' },
      }),
    );
  });

  it('asks nothing of the API for a draft never submitted', () => {
    const { calls } = open(false);
    expect(calls).toHaveLength(0);
    expect(wasReturned(detail())).toBe(false);
    expect(
      wasReturned(
        detail({
          status: 'draft',
          decision: {
            outcome: 'return',
            comment: 'x',
            reviewer: { id: 'r', name: 'r' },
            at: '2026-11-29T00:00:00Z',
          },
        }),
      ),
    ).toBe(true);
  });
});
