import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/locale.tsx';
import { judgement } from './console-fixture.ts';
import { JudgementEditor } from './judgement-editor.tsx';
import type { JudgementBody } from './types.ts';

function setup(existing = null as ReturnType<typeof judgement> | null) {
  const save = vi.fn(async (body: JudgementBody) =>
    judgement('m.records', { ...body, status: body.status ?? null }),
  );
  const onSaved = vi.fn();
  render(
    <LocaleProvider locale="zh">
      <JudgementEditor
        idBase="r-m_records"
        judgement={existing}
        max={10}
        disabled={false}
        legend="评审意见"
        save={save}
        onSaved={onSaved}
      />
    </LocaleProvider>,
  );
  return { user: userEvent.setup(), save, onSaved };
}

describe('JudgementEditor', () => {
  it('preselects nothing and has no save button', () => {
    setup();
    expect(screen.getByRole('radio', { name: '同意' })).toHaveProperty('checked', false);
    expect(screen.getByRole('radio', { name: '改判' })).toHaveProperty('checked', false);
    expect(screen.queryByRole('button', { name: /保存/ })).toBeNull();
  });

  it('records 同意 the moment it is chosen', async () => {
    const { user, save, onSaved } = setup();
    await user.click(screen.getByText('同意'));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ verdict: 'agree' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('已保存')).toBeTruthy();
  });

  it('records an override only once it has status, points and reason', async () => {
    const { user, save } = setup();
    await user.click(screen.getByText('改判'));
    await user.click(screen.getByText('一般不符合'));
    expect(screen.getByRole('status').textContent).toContain('得分');
    await user.type(screen.getByLabelText('得分（满分 10）'), '3');
    await user.type(screen.getByLabelText('改判理由'), '记录只覆盖半年');
    expect(save).not.toHaveBeenCalled();
    await waitFor(
      () =>
        expect(save).toHaveBeenLastCalledWith({
          verdict: 'override',
          status: 'partial',
          points: 3,
          reason: '记录只覆盖半年',
        }),
      { timeout: 3000 },
    );
    // Typing is sent after a pause, not per keystroke.
    expect(save.mock.calls.length).toBeLessThan(4);
  });

  it('offers 观察项 among the statuses, says how it counts and records it without points', async () => {
    const { user, save } = setup();
    await user.click(screen.getByText('改判'));
    const statuses = screen
      .getAllByRole('radio')
      .map((r) => r.closest('label')?.textContent ?? '')
      .filter((l) => !['同意', '改判'].includes(l));
    expect(statuses).toEqual(['符合', '观察项', '一般不符合', '严重不符合', '不适用']);
    await user.click(screen.getByText('观察项'));
    expect(screen.getByTestId('observation-hint').textContent).toContain('按符合计满分');
    // No points to give: an observation is never partly scored.
    expect(screen.queryByLabelText('得分（满分 10）')).toBeNull();
    await user.type(screen.getByLabelText('改判理由'), '制度刚运行两个月，下次复查记录');
    await waitFor(
      () =>
        expect(save).toHaveBeenLastCalledWith({
          verdict: 'override',
          status: 'observation',
          reason: '制度刚运行两个月，下次复查记录',
        }),
      { timeout: 3000 },
    );
    expect(await screen.findByText('已保存')).toBeTruthy();
  });

  it('never reads 已保存 while typed text waits to be sent, and sends it on leaving the field', async () => {
    const { user, save } = setup(judgement('m.records', { verdict: 'agree' }));
    expect(screen.getByRole('status').textContent).toBe('已保存');
    await user.type(screen.getByLabelText('给填报人的意见'), '请补充记录');
    // Within the pause before sending: not saved, and not said to be.
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('保存中…');
    // Leaving the field (the next click may be 决定) sends it at once.
    await user.tab();
    // Well inside the 800 ms pause: sent because the field was left, not because time passed.
    await waitFor(
      () => expect(save).toHaveBeenCalledWith({ verdict: 'agree', comment: '请补充记录' }),
      { timeout: 400 },
    );
    expect(save).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('已保存')).toBeTruthy();
  });

  it('a 待复核 judgement preselects nothing and does not read as saved', () => {
    setup(judgement('m.records', { verdict: 'agree', state: 'needs-recheck' }));
    expect(screen.getByRole('radio', { name: '同意' })).toHaveProperty('checked', false);
    expect(screen.queryByText('已保存')).toBeNull();
  });

  it('shows an existing judgement as recorded', () => {
    setup(judgement('m.records', { verdict: 'agree' }));
    expect(screen.getByRole('radio', { name: '同意' })).toHaveProperty('checked', true);
    expect(screen.getByText('已保存')).toBeTruthy();
  });
});
