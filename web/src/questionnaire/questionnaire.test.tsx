import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, STALE_REVISION } from '../api/client.ts';
import type { AssessmentDetail } from '../api/types.ts';
import { LocaleProvider } from '../i18n/locale.tsx';
import { definition, detail } from '../test/fixture.ts';
import { Questionnaire, type QuestionnaireClient } from './questionnaire.tsx';
import type { SaveBody } from './use-autosave.ts';

function fakeClient() {
  const save = vi.fn(async (_id: string, body: SaveBody) => ({
    revision: body.revision + 1,
    updatedAt: '2026-11-21T08:05:00.000Z',
    status: 'draft' as const,
  }));
  const submit = vi.fn(async () => ({}));
  const assessment = vi.fn(async (): Promise<AssessmentDetail> => detail());
  return { save, submit, assessment } satisfies QuestionnaireClient;
}

function setup(
  a: AssessmentDetail = detail(),
  client = fakeClient(),
  delay = 200,
  locale: 'zh' | 'en' = 'zh',
) {
  const onSubmitted = vi.fn();
  const onReloaded = vi.fn();
  const user = userEvent.setup();
  render(
    <LocaleProvider locale={locale}>
      <Questionnaire
        definition={definition}
        assessment={a}
        client={client}
        onSubmitted={onSubmitted}
        onReloaded={onReloaded}
        autosaveDelay={delay}
      />
    </LocaleProvider>,
  );
  return { user, client, onSubmitted, onReloaded };
}

const group = (name: string) => screen.getByRole('radiogroup', { name });
const stepHeading = () => {
  const h = document.getElementById('zp-step-title');
  if (!h) throw new Error('no step heading');
  return h;
};

const toCheck = () => screen.getAllByRole('button', { name: '检查并提交' })[0] as HTMLElement;

describe('Questionnaire', () => {
  it('shows and hides items live as the answers that govern them change', async () => {
    const { user } = setup();
    expect(screen.queryByLabelText(/^生产基地在哪里？/)).toBeNull();
    // Showing and hiding follow the answer once it is painted (on a loaded machine, the
    // rarely used parts fetched after the first paint may delay it past findBy's 1 s).
    await user.click(within(group('是否有生产环节？')).getByRole('radio', { name: '是' }));
    expect(await screen.findByLabelText(/^生产基地在哪里？/, {}, { timeout: 5000 })).toBeTruthy();
    await user.click(within(group('是否有生产环节？')).getByRole('radio', { name: '否' }));
    await waitFor(() => expect(screen.queryByLabelText(/^生产基地在哪里？/)).toBeNull());
    // The governed item on the next step follows too.
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(screen.queryByRole('radiogroup', { name: '生产环节是否做知识产权检查？' })).toBeNull();
    await user.click(screen.getByRole('button', { name: '上一步' }));
    await user.click(within(group('是否有生产环节？')).getByRole('radio', { name: '是' }));
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(
      await screen.findByRole('radiogroup', { name: '生产环节是否做知识产权检查？' }),
    ).toBeTruthy();
  }, 20_000);

  it('shows the engine’s Chinese messages inline and links them for screen readers', async () => {
    const { user } = setup();
    const staff = screen.getByLabelText(/^知识产权专职人员数/);
    await user.type(staff, '150');
    const msg = await screen.findByText('不能大于 100');
    expect(staff.getAttribute('aria-invalid')).toBe('true');
    expect(staff.getAttribute('aria-describedby')).toContain(msg.id);
    await user.clear(staff);
    await user.type(staff, '2.5');
    expect(await screen.findByText('请填写整数')).toBeTruthy();
    await user.clear(staff);
    await user.type(staff, '7');
    await waitFor(() => expect(screen.queryByText('请填写整数')).toBeNull());
  });

  it('words the same validation codes in English for an English reader', async () => {
    const { user } = setup(detail({ answers: { 'p.make': false } }), fakeClient(), 200, 'en');
    const staff = screen.getByLabelText(/^知识产权专职人员数/);
    await user.type(staff, '150');
    expect(await screen.findByText('Must not be more than 100')).toBeTruthy();
    await user.clear(staff);
    await user.type(staff, '2.5');
    expect(await screen.findByText('Enter a whole number')).toBeTruthy();
    await user.clear(staff);
    await user.type(staff, '2');
    await user.click(screen.getAllByRole('button', { name: 'Check and submit' })[0] as HTMLElement);
    expect(await screen.findAllByText('This item must be answered')).not.toHaveLength(0);
  });

  it('marks required items and the help text that describes them', () => {
    setup();
    const make = group('是否有生产环节？');
    expect(make.getAttribute('aria-required')).toBe('true');
    const help = screen.getByText('选“否”时，生产相关的题目不再出现。');
    expect(make.getAttribute('aria-describedby')).toContain(help.id);
  });

  it('autosaves only the changed answers, with the revision, then the next revision', async () => {
    const { user, client } = setup(detail({ answers: { 'p.make': false, 'p.staff': 3 } }));
    const staff = screen.getByLabelText(/^知识产权专职人员数/);
    // One keystroke replacing "3", so the debounce cannot split it into two saves.
    await user.type(staff, '5', { initialSelectionStart: 0, initialSelectionEnd: 1 });
    await waitFor(() => expect(client.save).toHaveBeenCalledTimes(1));
    expect(client.save).toHaveBeenLastCalledWith('a1', {
      revision: 3,
      answers: { 'p.staff': 5 },
      position: 'profile',
    });
    expect(await screen.findByText(/已保存 \d\d:\d\d/)).toBeTruthy();
    await user.click(within(group('是否有生产环节？')).getByRole('radio', { name: '是' }));
    await waitFor(() => expect(client.save).toHaveBeenCalledTimes(2));
    expect(client.save).toHaveBeenLastCalledWith('a1', {
      revision: 4,
      answers: { 'p.make': true },
      position: 'profile',
    });
    await user.clear(staff);
    await waitFor(() => expect(client.save).toHaveBeenCalledTimes(3));
    expect(client.save.mock.lastCall?.[1].answers).toEqual({ 'p.staff': null });
  });

  it('holds back an invalid answer instead of sending it', async () => {
    const { user, client } = setup();
    await user.type(screen.getByLabelText(/^知识产权专职人员数/), '150');
    expect(await screen.findByText(/1 项格式有误/)).toBeTruthy();
    await new Promise((r) => setTimeout(r, 300));
    expect(client.save).not.toHaveBeenCalled();
  });

  it('merges a stale save silently when the other side changed other items', async () => {
    const stale = new ApiError(
      409,
      { type: STALE_REVISION, title: '版本已过期', status: 409 },
      { type: STALE_REVISION, currentRevision: 7 },
    );
    const client = fakeClient();
    client.save.mockRejectedValueOnce(stale);
    client.assessment.mockResolvedValue(
      detail({ revision: 7, answers: { 'p.make': true, 'p.staff': 3 }, position: 'profile' }),
    );
    const { user } = setup(detail({ answers: { 'p.staff': 3 } }), client);
    const staff = screen.getByLabelText(/^知识产权专职人员数/);
    await user.clear(staff);
    await user.type(staff, '9');
    await waitFor(() => expect(client.save).toHaveBeenCalledTimes(2));
    // The server's other change (p.make) is kept and shown; ours goes on top, on the new revision.
    expect(client.save).toHaveBeenLastCalledWith('a1', {
      revision: 7,
      answers: { 'p.staff': 9 },
      position: 'profile',
    });
    expect(await screen.findByLabelText(/^生产基地在哪里？/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows both answers when the same item changed on both sides, and keeps the chosen one', async () => {
    const client = fakeClient();
    client.save.mockRejectedValueOnce(
      new ApiError(
        409,
        { type: STALE_REVISION, title: '冲突', status: 409 },
        { type: STALE_REVISION, currentRevision: 5 },
      ),
    );
    client.assessment.mockResolvedValue(detail({ revision: 5, answers: { 'p.staff': 4 } }));
    const { user } = setup(detail({ answers: { 'p.staff': 3 } }), client);
    const staff = screen.getByLabelText<HTMLInputElement>(/^知识产权专职人员数/);
    await user.clear(staff);
    await user.type(staff, '9');
    const banner = await screen.findByRole('alert');
    expect(within(banner).getByText('同一题在别处也被改过')).toBeTruthy();
    const row = banner.querySelector('[data-conflict="p.staff"]') as HTMLElement;
    expect(row.querySelector('[data-side="mine"]')?.textContent).toMatch(/^9/);
    expect(row.querySelector('[data-side="theirs"]')?.textContent).toMatch(/^4/);
    expect(screen.getByText('未保存：版本冲突')).toBeTruthy();
    const apply = within(banner).getByRole('button', { name: '保存所选答案' });
    expect(apply.hasAttribute('disabled')).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(client.save).toHaveBeenCalledTimes(1); // nothing overwritten without a choice
    await user.click(within(row).getByRole('radio', { name: /另一处的答案/ }));
    await user.click(apply);
    await waitFor(() => expect(staff.value).toBe('4'));
    await new Promise((r) => setTimeout(r, 300));
    expect(client.save).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses a file over 10 MB before sending it', async () => {
    const client = { ...fakeClient(), uploadFile: vi.fn(async () => ({ id: 'f1', name: 'x' })) };
    const { user } = setup(detail({ position: 'mgmt' }), client);
    const picker = document.querySelector<HTMLInputElement>('input[type="file"]');
    if (!picker) throw new Error('no file picker');
    const big = new File(['x'], '大文件.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
    await user.upload(picker, big);
    expect(await screen.findByText('大文件.pdf 超过 10 MB，没有上传。')).toBeTruthy();
    expect(client.uploadFile).not.toHaveBeenCalled();
  });

  it('leaves another live tab’s unsent answers alone, and adopts those of a tab gone away', async () => {
    const other = (at: number) =>
      JSON.stringify({ revision: 3, base: { 'p.staff': 3 }, changes: { 'p.staff': 8 }, at });
    window.localStorage.setItem('zhiping.draft.a1.othertab', other(Date.now()));
    setup(detail({ answers: { 'p.staff': 3 } }));
    expect(screen.getByLabelText<HTMLInputElement>(/^知识产权专职人员数/).value).toBe('3');
    cleanup();
    window.localStorage.setItem('zhiping.draft.a1.othertab', other(Date.now() - 60_000));
    const again = fakeClient();
    setup(detail({ answers: { 'p.staff': 3 } }), again);
    expect(screen.getByLabelText<HTMLInputElement>(/^知识产权专职人员数/).value).toBe('8');
    await waitFor(() => expect(again.save).toHaveBeenCalledTimes(1));
    expect(window.localStorage.getItem('zhiping.draft.a1.othertab')).toBeNull();
  });

  it('keeps unsent answers in storage and sends them when the page opens again', async () => {
    const client = fakeClient();
    client.save.mockImplementation(() => new Promise(() => {})); // never answers
    const { user } = setup(detail({ answers: { 'p.staff': 3 } }), client);
    const staff = screen.getByLabelText(/^知识产权专职人员数/);
    await user.clear(staff);
    await user.type(staff, '7');
    // One entry per assessment and tab.
    const key = () =>
      Object.keys(window.localStorage).find((k) => k.startsWith('zhiping.draft.a1.')) ?? '';
    await waitFor(() =>
      expect(JSON.parse(window.localStorage.getItem(key()) ?? 'null')).toMatchObject({
        revision: 3,
        base: { 'p.staff': 3 },
        changes: { 'p.staff': 7 },
      }),
    );
    cleanup();
    const again = fakeClient();
    setup(detail({ answers: { 'p.staff': 3 } }), again);
    expect(screen.getByLabelText<HTMLInputElement>(/^知识产权专职人员数/).value).toBe('7');
    await waitFor(() => expect(again.save).toHaveBeenCalledTimes(1));
    expect(again.save.mock.lastCall?.[1]).toMatchObject({ revision: 3, answers: { 'p.staff': 7 } });
    await waitFor(() => expect(key()).toBe(''));
  });

  it('keeps a keystroke made just before the page is hidden, at once', async () => {
    const client = fakeClient();
    client.save.mockImplementation(() => new Promise(() => {})); // never answers
    setup(detail({ answers: { 'p.staff': 3 } }), client);
    const staff = screen.getByLabelText<HTMLInputElement>(/^知识产权专职人员数/);
    // The box holds the keystroke; the form has not had it yet (it is handed over after the paint).
    fireEvent.change(staff, { target: { value: '9' } });
    const key = () =>
      Object.keys(window.localStorage).find((k) => k.startsWith('zhiping.draft.a1.')) ?? '';
    expect(key()).toBe('');
    // Leaving (a reload, closing the tab) hands it over and keeps it in storage synchronously.
    act(() => {
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
    });
    expect(JSON.parse(window.localStorage.getItem(key()) ?? 'null')).toMatchObject({
      changes: { 'p.staff': 9 },
    });
  });

  it('stops, without inventing a conflict, when the assessment is no longer editable', async () => {
    const client = fakeClient();
    const notEditable = 'urn:zhiping:problem:not-editable';
    client.save.mockRejectedValueOnce(
      new ApiError(
        409,
        { type: notEditable, title: '当前状态下不能修改', status: 409 },
        { type: notEditable, assessmentStatus: 'submitted' },
      ),
    );
    client.assessment.mockResolvedValue(detail({ status: 'submitted', revision: 4 }));
    const { user, onReloaded } = setup(detail(), client);
    await user.type(screen.getByLabelText(/^知识产权专职人员数/), '9');
    const banner = await screen.findByRole('alert');
    expect(within(banner).getByText('此自评已不能再修改')).toBeTruthy();
    expect(within(banner).getByText(/已提交/)).toBeTruthy();
    expect(screen.queryByText('此自评已在别处被修改')).toBeNull();
    expect(screen.getByText('未保存：此自评已不可编辑')).toBeTruthy();
    await user.type(screen.getByLabelText(/^知识产权专职人员数/), '9');
    await new Promise((r) => setTimeout(r, 300));
    expect(client.save).toHaveBeenCalledTimes(1);
    await user.click(within(banner).getByRole('button', { name: '查看最新状态' }));
    await waitFor(() => expect(onReloaded).toHaveBeenCalled());
    expect(onReloaded.mock.lastCall?.[0]).toMatchObject({ status: 'submitted' });
  });

  it('resumes at the saved position and moves focus to the heading on step change', async () => {
    const { user } = setup(detail({ position: 'mgmt' }));
    expect(stepHeading().textContent).toContain('管理');
    await user.click(screen.getByRole('button', { name: '上一步' }));
    expect(stepHeading().textContent).toContain('企业概况');
    // Focused once the step is painted (use-step-focus.ts).
    await waitFor(() => expect(document.activeElement).toBe(stepHeading()));
  });

  it('follows Back at once, even when the URL went there and back before a render', async () => {
    const user = userEvent.setup();
    // The caller owns the step (the URL) but, as when the router renders the way to the next
    // step and Back together, never hands back the step moved to.
    const onStep = vi.fn();
    render(
      <LocaleProvider locale="zh">
        <Questionnaire
          definition={definition}
          assessment={detail()}
          client={fakeClient()}
          onSubmitted={() => {}}
          onReloaded={() => {}}
          step="profile"
          onStep={onStep}
        />
      </LocaleProvider>,
    );
    expect(stepHeading().textContent).toContain('企业概况');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(stepHeading().textContent).not.toContain('企业概况');
    await waitFor(() => expect(onStep).toHaveBeenCalled());
    act(() => {
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(stepHeading().textContent).toContain('企业概况');
  });

  it('updates the live score from the same engine', async () => {
    const { user } = setup(detail({ position: 'mgmt' }));
    expect(screen.getByTestId('live-score').textContent).toBe('0.0');
    await user.click(
      within(group('是否发布了书面的知识产权方针？')).getByRole('radio', { name: '是' }),
    );
    // 10 of 25 applicable points (the production item is hidden).
    await waitFor(() => expect(screen.getByTestId('live-score').textContent).toBe('40.0'));
  });

  it('lists what is missing before submitting, then submits with the latest revision', async () => {
    const { user, client, onSubmitted } = setup(
      detail({ answers: { 'p.make': false, 'p.staff': 2, 'm.policy': true } }),
    );
    await user.click(toCheck());
    expect(await screen.findByText('还有 1 项需要处理')).toBeTruthy();
    expect(screen.getByText(/记录保存情况/)).toBeTruthy();
    const confirm = screen.getByRole('button', { name: '确认提交' });
    expect(confirm.hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: '去填写' }));
    expect(stepHeading().textContent).toContain('管理');
    expect(screen.getByText('此题必答')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: '本题不适用' }));
    // "Does not apply" needs its reason before the assessment can be submitted.
    await user.click(toCheck());
    expect(await screen.findByText('还有 1 项需要处理')).toBeTruthy();
    expect(screen.getByText('请说明此项不适用的理由')).toBeTruthy();
    expect(screen.getByRole('button', { name: '确认提交' }).hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: '去填写' }));
    await user.type(await screen.findByRole('textbox', { name: /^不适用的理由/ }), '无档案业务');
    await user.click(toCheck());
    expect(await screen.findByText('所有必答题都已作答，可以提交。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '确认提交' }));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalled());
    // Each save moved the revision on by one; submit carries the last.
    expect(client.submit).toHaveBeenCalledWith('a1', 3 + client.save.mock.calls.length);
  });

  it('shows the server’s list when it refuses the submission', async () => {
    const client = fakeClient();
    client.submit.mockRejectedValueOnce(
      new ApiError(
        422,
        {
          type: 'urn:zhiping:problem:incomplete',
          title: '尚有必答题未作答',
          status: 422,
          errors: [{ path: 'm.policy', message: '此题必答', code: 'answer.required' }],
        },
        {},
      ),
    );
    const { user } = setup(
      detail({ answers: { 'p.make': false, 'p.staff': 2, 'm.policy': true, 'm.records': 2 } }),
      client,
    );
    await user.click(toCheck());
    await user.click(screen.getByRole('button', { name: '确认提交' }));
    expect(await screen.findByText('尚有必答题未作答')).toBeTruthy();
    expect(screen.getByText('还有 1 项需要处理')).toBeTruthy();
    // Worded from the code by the catalogue, not copied from the server's sentence.
    expect(document.querySelector('.zp-missing')?.textContent).toContain('此题必答');
  });

  it('never submits on Enter in a field', async () => {
    const { user, client } = setup();
    await user.type(screen.getByLabelText(/^知识产权专职人员数/), '3{Enter}');
    expect(client.submit).not.toHaveBeenCalled();
    expect(stepHeading().textContent).toContain('企业概况');
  });

  it('shows 待确认 with its explanation, and the sources on demand', async () => {
    const { user } = setup(detail({ position: 'mgmt' }));
    expect(screen.getByLabelText(/待确认：此条件尚未与原文逐字核对/)).toBeTruthy();
    expect(screen.queryByText(/GB\/T 29490-2023/)).toBeNull();
    await user.click(screen.getByRole('button', { name: '出处（1）' }));
    expect(screen.getByText('GB/T 29490-2023')).toBeTruthy();
    expect(screen.getByText(/第 5.2 条/)).toBeTruthy();
  });
});
