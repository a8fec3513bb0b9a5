import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { contentHash, refOf, validateAnswers } from '@zhiping/forms';
import { listSamples, loadBuiltins, loadSample, paths, readYaml } from '@zhiping/forms/node';
import { hashPassword } from '../auth/password.ts';
import type { Actor } from '../auth/session.ts';
import { anyOrganisation, insertOrganisation, insertUser } from '../db/repositories/accounts.ts';
import { setShortName } from '../db/repositories/history.ts';
import type { Deps } from '../deps.ts';
import { createAssessment } from '../services/assessments.ts';
import { defaultTitle, shortOrgName } from '../services/names.ts';
import { DemoFile } from './demo-file.ts';
import { seedProgrammes } from './programmes.ts';
import { type Cast, playSteps } from './steps.ts';

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

export const DEMO_FILE = join(paths.seeds, 'demo.yaml');

type Org = { id: string; name: string; kind: Actor['orgKind']; region?: string | undefined };

/** Demo organisations, users and assessments in every state, on an empty database only. */
export async function seedDemo(deps: Deps, file = DEMO_FILE): Promise<boolean> {
  const db = deps.db.kysely;
  if (await anyOrganisation(db)) return false;
  const demo = DemoFile.parse(readYaml(file).data);
  const now = deps.now().toISOString();
  const actors = new Map<string, Actor>();
  const addOrg = async (o: Org & { shortName?: string | undefined }) => {
    await insertOrganisation(db, { ...o, region: o.region ?? null, at: now });
    if (o.shortName) await setShortName(db, o.id, o.shortName);
  };
  const addUser = async (
    org: Org,
    u: { email: string; name: string; role: Actor['role'] },
    hash: string,
  ) => {
    const id = randomUUID();
    await insertUser(db, { id, orgId: org.id, ...u, passwordHash: hash, at: now });
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
  const withRole = (role: Actor['role']) => [...actors.values()].find((a) => a.role === role);

  const lib = loadBuiltins();
  const hash = await hashPassword(demo.password);
  const used = new Set<string>();
  const stories: {
    respondent: Actor;
    org: string;
    a: DemoFile['organisations'][number]['assessments'][number];
  }[] = [];
  for (const o of demo.organisations) {
    await addOrg(o);
    let first: Actor | undefined;
    for (const u of o.users) first ??= await addUser(o, u, hash);
    for (const a of o.assessments) {
      if (!first) throw new Error(`demo.yaml: ${o.id} has assessments but no user`);
      used.add(`${a.sample}.json`);
      stories.push({ respondent: first, org: shortOrgName(o.name, o.shortName), a });
    }
  }
  const reviewer = withRole('reviewer');
  const admin = withRole('admin');
  if (!reviewer || !admin) throw new Error('demo.yaml needs a reviewer and an admin');

  for (const { respondent, org, a } of stories) {
    const s = loadSample(`${a.sample}.json`);
    const asOf = a.asOf ?? s.asOf;
    const first = a.steps[0]?.at;
    const created = await createAssessment(
      first ? { ...deps, now: () => new Date(first) } : deps,
      respondent,
      {
        definition: s.definition,
        title: defaultTitle(org, lib.get(s.definition), asOf),
        asOf,
        answers: { ...s.answers, ...a.set },
      },
    );
    const cast: Cast = { respondent, reviewer, admin };
    await playSteps(deps, created.id, a.steps, cast);
  }

  if (demo.otherSamples === 'submitted') {
    for (const rel of listSamples().filter((x) => !used.has(x))) {
      const s = loadSample(rel);
      const def = lib.get(s.definition);
      if (validateAnswers(def, s.answers, { mode: 'submit', asOf: s.asOf }).length > 0) continue;
      const org = { id: `sample-${s.id}`, ...s.organisation };
      await addOrg(org);
      // A login-less owner: '!' matches no password.
      const owner = await addUser(
        org,
        { email: `${s.id}@samples.invalid`, name: s.organisation.name, role: 'respondent' },
        '!',
      );
      const created = await createAssessment(deps, owner, {
        definition: s.definition,
        title: defaultTitle(shortOrgName(s.organisation.name), def, s.asOf),
        asOf: s.asOf,
        answers: s.answers,
      });
      await playSteps(deps, created.id, [{ at: now, do: 'submit' }], {
        respondent: owner,
        reviewer,
        admin,
      });
    }
  }
  // The demo city's calls and their applicants (seeds/programmes.yaml).
  await seedProgrammes(deps, actors, hash);
  return true;
}
