import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { OrgKind, Role } from '@zhiping/forms';
import { loadSample, paths, readYaml } from '@zhiping/forms/node';
import { z } from 'zod';
import type { Actor } from '../auth/session.ts';
import { insertOrganisation, insertUser } from '../db/repositories/accounts.ts';
import { revisionOf, setShortName } from '../db/repositories/history.ts';
import { insertDeclaredTitle } from '../db/repositories/organisation-titles.ts';
import type { Deps } from '../deps.ts';
import { createAssessment, submit } from '../services/assessments.ts';
import { apply, createProgramme } from '../services/programmes.ts';
import { decide } from '../services/review-decision.ts';

/*
 * seeds/programmes.yaml: the demo city's calls and their applicants, played
 * through the services at their own (relative) dates — so the open call is
 * open and the closed one ranked whenever the demo is seeded.
 */

const Day = z.number().int();
export const ProgrammesFile = z.object({
  organisations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      shortName: z.string(),
      kind: OrgKind,
      region: z.string(),
      user: z.object({ email: z.email(), name: z.string(), role: Role }),
      /** Titles the office declared (awarded before the platform), days relative to seeding. */
      titles: z
        .array(
          z.object({
            title: z.string(),
            sinceInDays: Day,
            source: z.string(),
            declaredBy: z.string(),
          }),
        )
        .default([]),
    }),
  ),
  programmes: z.array(
    z.object({
      owner: z.string(),
      title: z.string(),
      definition: z.string(),
      opensInDays: Day,
      closesInDays: Day,
      quotas: z.record(z.string(), z.number().int().min(0)),
      excellentShare: z.number().optional(),
      titleRules: z
        .record(z.string(), z.object({ title: z.string(), years: z.number().int().min(0) }))
        .default({}),
      reviewers: z.array(z.email()),
      applicants: z.array(
        z.object({
          org: z.string(),
          sample: z.string(),
          /** Answers that differ from the sample's. */
          set: z.record(z.string(), z.unknown()).default({}),
          appliedInDays: Day,
          decidedInDays: Day.optional(),
        }),
      ),
    }),
  ),
});

export const PROGRAMMES_FILE = join(paths.seeds, 'programmes.yaml');

const DAY = 86_400_000;

/** The demo's calls; `actors` are demo.yaml's users by e-mail (the office's user among them). */
export async function seedProgrammes(
  deps: Deps,
  actors: ReadonlyMap<string, Actor>,
  passwordHash: string,
  file = PROGRAMMES_FILE,
) {
  const db = deps.db.kysely;
  const data = ProgrammesFile.parse(readYaml(file).data);
  const base = deps.now().getTime();
  const at = (days: number, hour = 10) => {
    const d = new Date(base + days * DAY);
    d.setUTCHours(hour - 8, 0, 0, 0); // 10:00 in Asia/Shanghai
    return d;
  };
  const iso = (days: number) => at(days).toISOString().slice(0, 10);
  const byOrg = new Map<string, Actor>();
  for (const o of data.organisations) {
    await insertOrganisation(db, { ...o, at: deps.now().toISOString() });
    await setShortName(db, o.id, o.shortName);
    const id = randomUUID();
    await insertUser(db, {
      id,
      orgId: o.id,
      ...o.user,
      passwordHash,
      at: deps.now().toISOString(),
    });
    byOrg.set(o.id, {
      id,
      ...o.user,
      orgId: o.id,
      orgName: o.name,
      orgKind: o.kind,
      orgRegion: o.region,
      sessionId: 'seed',
    });
  }
  for (const a of actors.values()) if (!byOrg.has(a.orgId)) byOrg.set(a.orgId, a);
  const find = (email: string) => {
    const a = actors.get(email);
    if (!a) throw new Error(`programmes.yaml: no demo user ${email}`);
    return a;
  };
  for (const o of data.organisations)
    for (const x of o.titles) {
      const by = byOrg.get(x.declaredBy);
      if (!by) throw new Error(`programmes.yaml: no office ${x.declaredBy}`);
      await insertDeclaredTitle(db, {
        id: randomUUID(),
        orgId: o.id,
        title: x.title,
        since: iso(x.sinceInDays),
        source: x.source,
        by: by.id,
        byOrg: by.orgId,
        at: deps.now().toISOString(),
      });
    }
  for (const p of data.programmes) {
    const office = byOrg.get(p.owner);
    if (!office) throw new Error(`programmes.yaml: no office ${p.owner}`);
    const opened = { ...deps, now: () => at(p.opensInDays - 1) };
    const programme = await createProgramme(opened, office, {
      title: p.title,
      definition: p.definition,
      opensOn: iso(p.opensInDays),
      closesOn: iso(p.closesInDays),
      eligibleKinds: ['enterprise'],
      quotas: p.quotas,
      excellentShare: p.excellentShare ?? null,
      reviewers: p.reviewers.map((e) => find(e).id),
      titleRules: p.titleRules,
    });
    for (const x of p.applicants) {
      const who = byOrg.get(x.org);
      if (!who) throw new Error(`programmes.yaml: no applicant ${x.org}`);
      const s = loadSample(`${x.sample}.json`);
      const then = { ...deps, now: () => at(x.appliedInDays) };
      const created = await createAssessment(then, who, {
        definition: `${programme.definitionId}@${programme.definitionVersion}`,
        asOf: s.asOf,
        answers: { ...s.answers, ...x.set },
      });
      await apply(then, who, programme.id, { assessment: created.id });
      if (x.decidedInDays === undefined) continue;
      const sent = { ...deps, now: () => at(x.appliedInDays, 15) };
      await submit(sent, who, created.id, await revisionOf(db, created.id));
      const lead = find(p.reviewers[0] ?? '');
      await decide({ ...deps, now: () => at(x.decidedInDays ?? 0) }, lead, created.id, {
        outcome: 'approve',
        comment: '材料齐全，同意推荐。',
        agreeRest: true,
      });
    }
  }
}
