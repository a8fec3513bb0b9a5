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

/**
 * Polls on real timers outside act(): on a loaded machine (load average
 * ~25 on 2 cores seen) the first paint of the reply box took up to ~15 s.
 */
async function until(ok: () => boolean, ms = 15_000) {
  for (const end = Date.now() + ms; !ok(); ) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

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
                ? {
                    ...ci,
                    thread: [
                      {
                        round: 1,
                        reviewer: { id: 'u-rev', name: '评审员甲' },
                        comment: '请上传制度文件',
                        reply: null,
                      },
                    ],
                  }
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
    await until(() => document.body.textContent?.includes('请上传制度文件') ?? false);
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
  }, 40_000);

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
