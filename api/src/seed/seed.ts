import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  AssessmentStatus,
  contentHash,
  OrgKind,
  Role,
  refOf,
  validateAnswers,
} from '@zhiping/forms';
import { listSamples, loadBuiltins, loadSample, paths, readYaml } from '@zhiping/forms/node';
import { z } from 'zod';
import { hashPassword } from '../auth/password.ts';
import type { Actor } from '../auth/session.ts';
import { anyOrganisation, insertOrganisation, insertUser } from '../db/repositories/accounts.ts';
import type { Deps } from '../deps.ts';
import { createAssessment, submit } from '../services/assessments.ts';
import { assign } from '../services/review.ts';

/**
 * Loads the built-in definitions that are not stored yet. A stored version is
 * never changed: a built-in whose content differs from its stored version
 * (edited without a version bump) is reported and left alone.
 */
export async function syncBuiltins(deps: Deps): Promise<{ added: string[]; drifted: string[] }> {
  const added: string[] = [];
  const drifted: string[] = [];
  for (const def of loadBuiltins().definitions) {
    const stored = await deps.definitions.hashOf(def.id, def.version);
    if (stored === undefined) {
      await deps.definitions.publish(def, null, deps.now(), true);
      added.push(refOf(def));
    } else if (stored !== contentHash(def)) drifted.push(refOf(def));
  }
  return { added, drifted };
}

/** The states a demo assessment can be seeded in. */
const SeedStatus = AssessmentStatus.exclude(['returned', 'decided']);

const Demo = z.object({
  password: z.string().min(10),
  organisations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: OrgKind,
      region: z.string().optional(),
      users: z.array(
        z.object({
          email: z.string().email(),
          name: z.string(),
          role: Role,
        }),
      ),
      assessments: z.array(z.object({ sample: z.string(), status: SeedStatus })).default([]),
    }),
  ),
  otherSamples: z.enum(['submitted', 'skip']),
});

export const DEMO_FILE = join(paths.seeds, 'demo.yaml');

/** Demo organisations, users and sample assessments, on an empty database only. */
export async function seedDemo(deps: Deps, file = DEMO_FILE): Promise<boolean> {
  const db = deps.db.kysely;
  if (await anyOrganisation(db)) return false;
  const demo = Demo.parse(readYaml(file).data);
  const now = deps.now().toISOString();
  const actors = new Map<string, Actor>();
  const addOrg = async (o: {
    id: string;
    name: string;
    kind: Actor['orgKind'];
    region?: string | undefined;
  }) => insertOrganisation(db, { ...o, region: o.region ?? null, at: now });
  const addUser = async (
    org: { id: string; name: string; kind: Actor['orgKind']; region?: string | undefined },
    u: { email: string; name: string; role: Actor['role'] },
    passwordHash: string,
  ) => {
    const id = randomUUID();
    await insertUser(db, { id, orgId: org.id, ...u, passwordHash, at: now });
    const actor: Actor = {
      id,
      ...u,
      orgId: org.id,
      orgName: org.name,
      orgKind: org.kind,
      orgRegion: org.region ?? null,
      sessionId: 'seed',
    };
    actors.set(u.email, actor);
    return actor;
  };

  const reviewerEmail = demo.organisations
    .flatMap((o) => o.users)
    .find((u) => u.role === 'reviewer')?.email;
  const adminEmail = demo.organisations
    .flatMap((o) => o.users)
    .find((u) => u.role === 'admin')?.email;
  const used = new Set<string>();
  const pending: { actor: Actor; sample: string; status: z.infer<typeof SeedStatus> }[] = [];
  for (const o of demo.organisations) {
    await addOrg(o);
    let first: Actor | undefined;
    for (const u of o.users) {
      const a = await addUser(o, u, await hashPassword(demo.password));
      first ??= a;
    }
    for (const a of o.assessments) {
      if (!first) throw new Error(`demo.yaml: ${o.id} has assessments but no user`);
      used.add(`${a.sample}.json`);
      pending.push({ actor: first, sample: `${a.sample}.json`, status: a.status });
    }
  }
  if (demo.otherSamples === 'submitted') {
    const lib = loadBuiltins();
    for (const rel of listSamples().filter((s) => !used.has(s))) {
      const s = loadSample(rel);
      const issues = validateAnswers(lib.get(s.definition), s.answers, {
        mode: 'submit',
        asOf: s.asOf,
      });
      if (issues.length > 0) continue;
      const org = { id: `sample-${s.id}`, ...s.organisation };
      await addOrg(org);
      // A login-less owner: '!' matches no password.
      const owner = await addUser(
        org,
        { email: `${s.id}@samples.invalid`, name: s.organisation.name, role: 'respondent' },
        '!',
      );
      pending.push({ actor: owner, sample: rel, status: 'submitted' });
    }
  }

  for (const p of pending) {
    const s = loadSample(p.sample);
    const row = await createAssessment(deps, p.actor, {
      definition: s.definition,
      title: s.title,
      asOf: s.asOf,
      answers: s.answers,
    });
    if (p.status === 'draft') continue;
    await submit(deps, p.actor, row.id, row.revision);
    if (p.status === 'in_review' && reviewerEmail && adminEmail) {
      const reviewer = actors.get(reviewerEmail) as Actor;
      await assign(deps, actors.get(adminEmail) as Actor, row.id, reviewer.id);
    }
  }
  return true;
}
