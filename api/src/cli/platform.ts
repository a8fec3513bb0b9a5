import { emailTaken, insertOrganisation, insertUser } from '../db/repositories/accounts.ts';
import { findPlatform } from '../db/repositories/history.ts';
import type { Deps } from '../deps.ts';

/** The platform's own organisation, which administrators belong to; created on first use. */
export async function ensurePlatform(deps: Deps) {
  const found = await findPlatform(deps.db.kysely);
  if (found) return found;
  const org = { id: 'platform', name: '知评平台', kind: 'platform' as const, region: null };
  await insertOrganisation(deps.db.kysely, { ...org, at: deps.now().toISOString() });
  return org;
}

/** A new administrator; false when the e-mail is taken. */
export async function insertAdmin(
  deps: Deps,
  a: { id: string; orgId: string; email: string; name: string; at: Date; hash: string },
): Promise<boolean> {
  if (await emailTaken(deps.db.kysely, a.email)) return false;
  await insertUser(deps.db.kysely, {
    id: a.id,
    orgId: a.orgId,
    email: a.email,
    name: a.name,
    role: 'admin',
    passwordHash: a.hash,
    at: a.at.toISOString(),
  });
  return true;
}
