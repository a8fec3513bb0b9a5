import {
  type Action,
  type AnswerIssue,
  definitionProblemText,
  issueText,
  type Role,
  textOf,
  translate,
} from '@zhiping/forms';
import type { FieldError } from '../contract/index.ts';
import type { DomainError, DomainErrorCode, DomainErrorParams } from '../domain/errors.ts';
import { Problem, problems } from './problem.ts';
import { PROGRAMME_PROBLEMS } from './programme-problems.ts';
import { REVIEW_PROBLEMS } from './review-problems.ts';

/*
 * The one place where a domain error becomes HTTP: its status, problem type,
 * extension members and Chinese words. Field errors keep the engine's code
 * and parameters, so a client may word them in its own language.
 */

const issueField = (i: AnswerIssue): FieldError => ({
  path: i.path.join('.'),
  message: issueText(i, 'zh'),
  code: i.code,
  ...(i.params ? { params: i.params } : {}),
});

const WHAT: Record<DomainErrorParams['not_found']['what'], string> = {
  assessment: '该评估',
  definition: '评估表',
  item: '题目',
  file: '该文件',
  user: '该用户',
  organisation: '该机构',
  programme: '该申报',
  application: '本机构的申报',
};

/** Who may take each action, for a refusal's words. */
const ONLY: Record<Action, string> = {
  edit: '只有填报机构的用户可以修改答案。',
  submit: '只有填报机构的用户可以提交。',
  reopen: '只有填报机构的用户可以重新打开。',
  assign: '只有管理员可以分配评审员。',
  judge: '只有被分配的评审员可以评审。',
  decide: '只有主审评审员可以作出决定。',
};

const roles = (rs: Role[]) => rs.map((r) => translate('zh', `role.${r}`)).join('或');
const statusText = (s: DomainErrorParams['not_editable']['assessmentStatus']) =>
  translate('zh', `assessmentStatus.${s}`);

const STAGE: Record<DomainErrorParams['invalid_answers']['stage'], (n: number) => string> = {
  create: () => '初始答案有误，请按列出的问题修改。',
  save: () => '有答案不符合题目要求，未保存。',
  score: () => '有答案不符合题目要求。',
  submit: (n) => `还有 ${n} 个问题需要处理后才能提交：必答题未答或答案有误。`,
};

const TABLE: { [C in DomainErrorCode]: (p: DomainErrorParams[C]) => Problem } = {
  unauthenticated: () => new Problem(401, 'unauthenticated', '未登录', '请先登录。'),
  bad_credentials: () =>
    new Problem(401, 'bad-credentials', '账号或密码不正确', '请检查邮箱和密码后重试。'),
  rate_limited: ({ retryAfter }) =>
    new Problem(
      429,
      'too-many-requests',
      '尝试次数过多',
      `请在 ${retryAfter} 秒后再试。`,
      { retryAfter },
      // A flood on one keep-alive connection must reconnect to go on.
      { 'Retry-After': String(retryAfter), Connection: 'close' },
    ),
  not_permitted: ({ action, roles: rs }) =>
    new Problem(
      403,
      'forbidden',
      '没有权限',
      action ? ONLY[action] : rs ? `此操作仅限${roles(rs)}。` : '您无权执行此操作。',
    ),
  not_found: ({ what, id }) =>
    new Problem(
      404,
      'not-found',
      '找不到',
      `${WHAT[what]}${id ? ` ${id} ` : ''}不存在，或您无权查看。`,
    ),
  stale_revision: ({ currentRevision }) =>
    new Problem(
      409,
      'stale-revision',
      '内容已在别处更新',
      '这份评估在您上次载入后已被修改（可能在另一个窗口或由同事修改）。请重新载入最新内容，再把您的修改补上。',
      { currentRevision },
    ),
  not_editable: ({ assessmentStatus }) =>
    new Problem(
      409,
      'not-editable',
      '当前状态下不能修改',
      assessmentStatus === 'returned'
        ? '评估已被退回，请先“重新打开”再修改。'
        : '评估已提交，答案已冻结，不能再修改。',
      { assessmentStatus },
    ),
  wrong_state: ({ assessmentStatus, action }) =>
    new Problem(
      409,
      'wrong-state',
      '当前状态下不能执行此操作',
      `评估当前为“${statusText(assessmentStatus)}”，不能${ACTION_ZH[action]}。`,
      { assessmentStatus, action },
    ),
  invalid_answers: ({ issues, stage }) =>
    new Problem(422, 'unprocessable', '内容未通过校验', STAGE[stage](issues.length), {
      errors: issues.map(issueField),
    }),
  unknown_files: ({ refs }) =>
    new Problem(
      422,
      'unprocessable',
      '内容未通过校验',
      '答案引用了未上传到本评估的文件，请先上传。',
      {
        errors: refs.map((r) => ({
          path: r.item,
          message: `文件 ${r.file} 未上传到本评估`,
          code: 'unknown_file',
          params: { file: r.file },
        })),
      },
    ),
  wrong_audience: ({ title, audience }) =>
    new Problem(
      422,
      'unprocessable',
      '内容未通过校验',
      `《${textOf(title)}》不适用于本机构类型。`,
      { errors: [{ path: 'definition', message: `适用对象：${audience.join('、')}` }] },
    ),
  invalid_definition: ({ problems }) =>
    new Problem(
      422,
      'unprocessable',
      '内容未通过校验',
      '评估表定义未通过检查，请按列出的问题修改。',
      {
        errors: problems.map((p) => ({
          path: p.path.join('.'),
          message: definitionProblemText(p),
          code: p.code,
        })),
      },
    ),
  version_exists: ({ ref }) =>
    new Problem(
      409,
      'version-exists',
      '该版本已发布',
      `${ref} 已经发布，已发布的版本不可修改；请提高版本号后再发布。`,
    ),
  email_taken: ({ email }) =>
    new Problem(409, 'email-taken', '邮箱已被使用', `${email} 已有账号。`),
  unknown_organisation: () =>
    new Problem(422, 'unprocessable', '内容未通过校验', '所属机构不存在。', {
      errors: [{ path: 'organisationId', message: '没有这个机构' }],
    }),
  not_a_reviewer: () =>
    new Problem(422, 'unprocessable', '内容未通过校验', '只能分配给评审员。', {
      errors: [{ path: 'reviewerId', message: '该用户不存在或不是评审员' }],
    }),
  points_too_high: ({ max }) =>
    new Problem(422, 'unprocessable', '内容未通过校验', '得分超出本题满分。', {
      errors: [{ path: 'points', message: `本题满分 ${max}`, params: { max } }],
    }),
  missing_file_name: () =>
    new Problem(400, 'invalid-request', '请求格式有误', '请提供文件名（查询参数 name）。', {
      errors: [{ path: 'name', message: '文件名为空' }],
    }),
  empty_file: () =>
    new Problem(422, 'unprocessable', '内容未通过校验', '文件是空的。', {
      errors: [{ path: 'body', message: '文件没有内容' }],
    }),
  unsupported_file_type: ({ accepted }) =>
    new Problem(
      415,
      'unsupported-file-type',
      '不支持的文件类型',
      `只接受 ${accepted.join('、')} 文件，且内容须与扩展名一致。`,
    ),
  unavailable: ({ retryAfter }) =>
    new Problem(
      503,
      'unavailable',
      '服务暂时不可用',
      `数据库暂时无法访问，未作任何更改。请在 ${retryAfter} 秒后重试。`,
      { retryAfter },
      { 'Retry-After': String(retryAfter) },
    ),
  file_too_large: ({ limit }) => problems.tooLarge(limit),
  storage_full: () =>
    new Problem(
      507,
      'storage-full',
      '存储空间已满',
      '服务器存储空间已满，本次内容未保存。请稍后重试，或联系管理员清理空间。',
    ),
  evidence_quota: ({ maxFiles, maxBytes, files, bytes }) =>
    new Problem(
      413,
      'quota-exceeded',
      '证据文件超出限额',
      `每份评估最多 ${maxFiles} 个证据文件、共 ${MB(maxBytes)}；已有 ${files} 个、${MB(bytes)}。请先删除不需要的文件。`,
      { maxFiles, maxBytes, files, bytes },
    ),
  file_in_use: ({ items }) =>
    new Problem(
      409,
      'file-in-use',
      '文件仍被引用',
      `答案仍引用此文件（${items.join('、')}），请先从答案中移除。`,
      { errors: items.map((i) => ({ path: i, message: '答案引用了此文件', code: 'file_in_use' })) },
    ),
  weak_password: ({ reasons }) =>
    new Problem(422, 'unprocessable', '内容未通过校验', '密码不够安全。', {
      errors: reasons.map((r) => ({
        path: 'password',
        message: PASSWORD_REASON[r] ?? '密码不够安全',
        code: `password.${r}`,
      })),
    }),
  ...REVIEW_PROBLEMS,
  ...PROGRAMME_PROBLEMS,
  account_disabled: () =>
    new Problem(
      403,
      'account-disabled',
      '账号已停用',
      '此账号已被管理员停用，不能登录。如需继续使用，请联系管理员启用。',
    ),
  last_admin: () =>
    new Problem(
      409,
      'last-admin',
      '不能移除最后一位管理员',
      '系统至少要保留一位启用的管理员。请先让另一位用户成为管理员，再停用或更改此账号。',
    ),
  own_account: () =>
    new Problem(
      409,
      'own-account',
      '不能更改自己的账号',
      '管理员不能停用自己或取消自己的管理员角色；请由另一位管理员操作。',
    ),
  link_invalid: () =>
    new Problem(
      410,
      'link-invalid',
      '链接已失效',
      '此链接已使用、已被新链接取代或已过期。请联系管理员重新生成链接。',
    ),
  reviewer_required: () =>
    new Problem(422, 'unprocessable', '内容未通过校验', '评审中的评估至少要保留一名评审员。', {
      errors: [{ path: 'reviewerIds', message: '请至少选择一名评审员' }],
    }),
};

const PASSWORD_REASON: Record<string, string> = {
  too_short: '密码至少 12 个字符',
  contains_email: '密码不能包含邮箱',
  contains_name: '密码不能包含姓名',
  too_common: '密码太常见或太容易猜到',
};

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

const ACTION_ZH: Record<Action, string> = {
  edit: '修改',
  submit: '提交',
  assign: '分配评审',
  judge: '评审',
  decide: '作出决定',
  reopen: '重新打开',
};

/** A domain error as the problem the client receives. */
export function domainProblem<C extends DomainErrorCode>(e: DomainError<C>): Problem {
  const translate: (p: DomainErrorParams[C]) => Problem = TABLE[e.code];
  return translate(e.params);
}
