import { type Definition, standardName, textOf } from '@zhiping/forms';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/session.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import { organisationShortName, setTitle } from '../db/repositories/history.ts';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { assessmentFor } from './access.ts';

/*
 * What an assessment is called when nobody named it: who, which
 * questionnaire, which day — "青禾精密 · GB/T 29490-2023 · 2026-11-29" —
 * short enough for a list row, and never the form's name twice.
 */

// Legal-form endings and the demo marker say nothing a list row needs.
const ORG_ENDINGS = /(股份有限公司|有限责任公司|有限公司|集团|公司)$/u;

/** An organisation's short name: the declared one, else its name without the legal form. */
export function shortOrgName(name: string, declared?: string | null): string {
  if (declared?.trim()) return declared.trim();
  const bare = name.replace(/[（(]示例[)）]\s*$/u, '').trim();
  const short = bare.replace(ORG_ENDINGS, '');
  return short.length >= 2 ? short : bare;
}

// A questionnaire's title goes on to say what kind of form it is: cut there.
const TITLE_CUTS = ['自评', '申报准备度', '指标达成跟踪', '目标达成跟踪', '（', '：'];

/**
 * A definition's short title: the standard's number for a standard
 * ("GB/T 29490-2023"), else its title up to where it says "self-assessment".
 *
 * @example shortDefinitionTitle(ipEnterprise) // "国家知识产权优势企业、示范企业"
 */
export function shortDefinitionTitle(d: Pick<Definition, 'id' | 'title'>): string {
  const standard = standardName(d.id);
  if (standard !== d.id) return standard;
  const title = textOf(d.title, 'zh');
  let end = title.length;
  for (const cut of TITLE_CUTS) {
    const at = title.indexOf(cut);
    if (at > 1 && at < end) end = at;
  }
  return title.slice(0, end).trim();
}

/** The default title: "<organisation short name> · <definition short title> · <date>". */
export const defaultTitle = (org: string, d: Pick<Definition, 'id' | 'title'>, date: string) =>
  `${org} · ${shortDefinitionTitle(d)} · ${date}`;

/** The default title of a new assessment of `orgId`, with its short name read from the database. */
export async function newTitle(
  db: Kysely<Database>,
  orgId: string,
  d: Pick<Definition, 'id' | 'title'>,
  date: string,
): Promise<string> {
  const org = await organisationShortName(db, orgId);
  return defaultTitle(shortOrgName(org?.name ?? '', org?.shortName), d, date);
}

/**
 * Renames an assessment, in any state: the title is the organisation's own
 * label, not part of what was submitted or sealed. Audited with old and new.
 */
export async function rename(deps: Deps, actor: Actor, id: string, title: string) {
  const { row, relation } = await assessmentFor(deps.db.kysely, actor, id);
  if (actor.role !== 'respondent' || !relation.owner)
    throw new DomainError('not_permitted', { roles: ['respondent'] });
  const now = deps.now();
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await setTitle(trx, id, title, now.toISOString())))
      throw new DomainError('not_found', { what: 'assessment' });
    await appendAudit(trx, {
      assessment: id,
      actor: actor.id,
      action: 'renamed',
      detail: { from: row.title, to: title },
      at: now,
    });
  });
  return { id, title };
}
