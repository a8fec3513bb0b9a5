import type { AdminAuditPage } from '../contract/index.ts';
import { adminAuditPage } from '../db/repositories/admin-audit.ts';
import type { Deps } from '../deps.ts';

/*
 * The platform admin's workspace. Organisations, accounts, links and
 * assessments each have their own file (admin-*.ts); this one reads the
 * admin audit log they all write.
 */
export async function adminAudit(
  deps: Deps,
  q: { page: number; pageSize: number; targetId?: string | undefined },
): Promise<AdminAuditPage> {
  const { items, total } = await adminAuditPage(deps.db.kysely, q, q.page, q.pageSize);
  return { items, total, page: q.page, pageSize: q.pageSize };
}
