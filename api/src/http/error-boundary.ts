import { HTTPException } from 'hono/http-exception';
import { isUniqueViolation, storageFault } from '../db/faults.ts';
import { DomainError } from '../domain/errors.ts';
import { domainProblem } from './domain-problems.ts';
import { Problem, problems } from './problem.ts';

/**
 * The one error boundary: domain errors are translated, HTTP problems pass
 * through, Hono's own HTTP errors (malformed JSON, body limits) are
 * translated, and anything else becomes a 500 that names an incident id but
 * never shows a stack.
 */
export function toProblem(err: unknown, log: (msg: string, err: unknown) => void): Problem {
  if (err instanceof DomainError) return domainProblem(err);
  if (err instanceof Problem) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return problems.tooLarge();
    if (err.status === 415) return problems.unsupportedMedia();
    if (err.status === 400)
      return problems.badRequest('请求体不是合法的 JSON，请检查括号、引号和逗号。');
    if (err.status === 401) return domainProblem(new DomainError('unauthenticated'));
    return new Problem(err.status, 'http-error', err.message || '请求失败');
  }
  // PostgreSQL refuses U+0000 in text (SQLSTATE 22021, 22P05 in JSON): input no row
  // can hold, wherever it came in (path, query, body), is the client's to fix.
  const code = err instanceof Error && 'code' in err ? err.code : undefined;
  if (code === '22021' || code === '22P05')
    return problems.badRequest('请求中含有无法保存的字符（U+0000），请删除后重试。');

  // Any other creation race the services did not name: the row exists now.
  if (isUniqueViolation(err))
    return new Problem(409, 'conflict', '内容冲突', '同样的记录刚刚已被创建，请刷新后查看。');
  const fault = storageFault(err);
  if (fault === 'full') {
    log('storage full', err instanceof Error ? err.message : err);
    return domainProblem(new DomainError('storage_full'));
  }
  if (fault)
    return domainProblem(new DomainError('unavailable', { retryAfter: fault === 'busy' ? 1 : 2 }));

  const incident = crypto.randomUUID();
  log(`incident ${incident}`, err);
  return new Problem(
    500,
    'internal',
    '服务器内部错误',
    `处理请求时出错。如果问题持续，请把事件编号 ${incident} 告诉管理员。`,
    { incident },
  );
}
