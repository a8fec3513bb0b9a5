import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Definition } from '@zhiping/forms';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/locale.tsx';
import { definition as base, detail } from '../test/fixture.ts';
import { Questionnaire, type QuestionnaireClient } from './questionnaire.tsx';

// "No written policy" cannot go with records kept and improved (level 2): a declared rule.
const definition = Definition.parse({
  ...base,
  consistency: [
    {
      id: 'k.policy-records',
      when: { op: 'eq', ref: 'm.policy', value: false },
      expect: { op: 'lt', ref: 'm.records', value: 2 },
      items: ['m.policy', 'm.records'],
      message: { zh: '没有方针，记录却已持续改进', en: 'No policy, yet records keep improving' },
    },
  ],
});

function setup() {
  const client = {
    save: vi.fn(async (_id: string, body: { revision: number }) => ({
      revision: body.revision + 1,
      updatedAt: '2026-11-21T08:05:00.000Z',
      status: 'draft' as const,
    })),
    submit: vi.fn(async () => ({})),
    assessment: vi.fn(async () => detail()),
  } satisfies QuestionnaireClient;
  render(
    <LocaleProvider locale="zh">
      <Questionnaire
        definition={definition}
        assessment={detail()}
        client={client}
        onSubmitted={vi.fn()}
        autosaveDelay={50}
      />
    </LocaleProvider>,
  );
  return { user: userEvent.setup(), client };
}

afterEach(cleanup);

describe('contradictory answers', () => {
  it('are flagged on both questions as soon as they contradict, listed at the check step, and cannot be submitted', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: '下一步' }));
    const group = (name: string) => screen.getByRole('radiogroup', { name });
    await user.click(
      within(group('是否发布了书面的知识产权方针？')).getByRole('radio', { name: '否' }),
    );
    expect(screen.queryByText(/没有方针，记录却已持续改进/)).toBeNull();
    await user.click(within(group('记录保存情况')).getByRole('radio', { name: /持续改进/ }));
    await waitFor(
      () =>
        expect(screen.getAllByText('与其他回答矛盾：没有方针，记录却已持续改进')).toHaveLength(2),
      { timeout: 5000 },
    );
    // Linked to the input it concerns, for screen readers.
    const records = within(group('记录保存情况')).getByRole('radio', { name: /持续改进/ });
    expect(records.closest('[aria-describedby]')?.getAttribute('aria-describedby')).toMatch(
      /contradiction/,
    );

    await user.click(screen.getAllByRole('button', { name: '检查并提交' })[0] as HTMLElement);
    await screen.findByRole('heading', { name: /检查/ });
    const list = document.querySelector('.zp-missing') as HTMLElement;
    expect(
      within(list).getAllByText('与其他回答矛盾：没有方针，记录却已持续改进').length,
    ).toBeGreaterThanOrEqual(2);
    expect(screen.getByRole('button', { name: '确认提交' }).hasAttribute('disabled')).toBe(true);

    // Resolving one side clears it everywhere.
    const row = [...list.querySelectorAll('li')].find(
      (li) =>
        li.textContent?.includes('是否发布了书面的知识产权方针？') &&
        li.textContent.includes('矛盾'),
    );
    if (!row) throw new Error('the policy question is not listed');
    await user.click(within(row).getByRole('button', { name: '去填写' }));
    await screen.findByRole('radiogroup', { name: '是否发布了书面的知识产权方针？' });
    await user.click(
      within(group('是否发布了书面的知识产权方针？')).getByRole('radio', { name: '是' }),
    );
    await waitFor(() => expect(screen.queryAllByText(/没有方针，记录却已持续改进/)).toEqual([]), {
      timeout: 5000,
    });
  });
});
