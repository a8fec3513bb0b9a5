import {
  type Answers,
  type Audience,
  checkValue,
  type Definition,
  Family,
  type Item,
  type StartGuide,
  type Text,
  textOf,
} from '@zhiping/forms';

/*
 * Which published questionnaires fit an organisation, read from the
 * definitions themselves — no definition or item id is named here:
 *
 * - who it is for: the definition's `audience`;
 * - how they group: its `family` (families in the engine's declared order;
 *   the first family that has questionnaires for the audience is the main one);
 * - editions: ids that differ only in a trailing year ("…-2013", "…-2023",
 *   the convention `standardName` reads) are editions of one questionnaire,
 *   the newest current, older ones offered for comparison;
 * - regional versions: a definition that `extends` another of its family
 *   without a year of its own is that questionnaire's local version, for
 *   the place its title names;
 * - profile questions: the first section's yes/no questions that score
 *   nothing (the language's "profile question", forms/README) — asked once
 *   here, and carried to every recommended questionnaire that asks the same
 *   item (same id, the convention the 2013→2023 mapping follows), only where
 *   the engine accepts the answer;
 * - the guide (forms/start/guide.yaml, `StartGuide`): questions of its own
 *   (a 2013 certificate) with the answers they pre-fill and the
 *   questionnaires they make main ones, profile answers carried into items
 *   of another id (own R&D → the programme's), and when a related
 *   questionnaire is a main one too (R&D firms and the programme).
 */

/** Why a questionnaire is suggested; worded by the page. */
export type Reason =
  | { key: 'rec.primary' }
  | { key: 'rec.related'; family: Family }
  | { key: 'rec.older'; year: number | null }
  | { key: 'rec.regional'; place: string }
  /** A rule of the guide, in its own words. */
  | { key: 'rec.because'; text: Text };

export interface Recommendation {
  /** Definition id (the API takes the newest published version). */
  definition: string;
  title: Definition['title'];
  primary: boolean;
  reasons: Reason[];
  /** Profile answers the new assessment starts with, so nothing is asked twice. */
  answers: Answers;
}

/** What the organisation said: where it is (a place with a local version), and its profile answers. */
export interface Profile {
  place?: string | undefined;
  answers: Answers;
}

/** A yes/no question the guided start asks: a questionnaire's profile question, or the guide's own. */
export type StartQuestion = Pick<Item, 'id' | 'prompt'>;

export interface StartPlan {
  /** The profile questions to ask, from the main questionnaires, then the guide's. */
  questions: StartQuestion[];
  /** Places that have a local version of some questionnaire. */
  places: string[];
  recommend: (profile: Profile) => Recommendation[];
}

const YEAR = /-(\d{4})$/;
const yearOf = (id: string): number | null => {
  const m = YEAR.exec(id);
  return m ? Number(m[1]) : null;
};
const idOf = (ref: string) => ref.split('@')[0] ?? ref;
// "北京市…自评" → 北京市; "浙江省…" → 浙江省: a local version's title starts with its place.
const PLACE = /^(\p{Script=Han}{2,6}?(?:省|市|自治区|特别行政区))/u;
const placeOf = (d: Definition) => {
  const title = textOf(d.title, 'zh');
  return PLACE.exec(title)?.[1] ?? title;
};

/** A yes/no question of the first section that scores nothing, asked of everyone. */
function profileQuestions(d: Definition): Item[] {
  const first = d.sections[0];
  if (!first) return [];
  return first.items.filter(
    (i) =>
      i.kind === 'yesno' &&
      !i.visibleWhen &&
      (i.points === undefined ||
        (typeof i.points === 'number' ? i.points === 0 : i.points.yes + i.points.no === 0)),
  );
}

const NO_GUIDE: StartGuide = { questions: [], carry: [], primary: [] };

/** Every item of a definition by id. */
function itemIndex(d: Definition): Map<string, Item> {
  const out = new Map<string, Item>();
  const walk = (ss: Definition['sections']) => {
    for (const s of ss) {
      for (const i of s.items) out.set(i.id, i);
      walk(s.sections);
    }
  };
  walk(d.sections);
  return out;
}

/**
 * The answers a definition starts with: its own profile questions' answers
 * by the same item id, the guide's carried answers into its items, and what
 * the guide's own questions pre-fill in it — each only where the engine
 * accepts the answer.
 */
function carried(d: Definition, given: Answers, guide: StartGuide): Answers {
  const out: Answers = {};
  const items = itemIndex(d);
  const put = (id: string, v: unknown) => {
    const item = items.get(id);
    if (item && v !== undefined && v !== null && checkValue(item, v, d.scales) === null)
      out[id] = v;
  };
  for (const item of d.sections[0]?.items ?? []) put(item.id, given[item.id]);
  for (const c of guide.carry) {
    const into = c.into[d.id];
    if (into) put(into, given[c.from]);
  }
  for (const q of guide.questions) {
    const v = given[q.id];
    if (typeof v !== 'boolean') continue;
    for (const [id, value] of Object.entries((v ? q.prefill.yes : q.prefill.no)[d.id] ?? {}))
      put(id, value);
  }
  return out;
}

/** Why the guide makes `d` a main questionnaire for these answers; empty when it does not. */
function promotedBy(d: Definition, given: Answers, guide: StartGuide): Reason[] {
  const out: Reason[] = [];
  for (const q of guide.questions)
    if (given[q.id] === true && q.promote.includes(d.id))
      out.push({ key: 'rec.because', text: q.because ?? q.prompt });
  for (const p of guide.primary)
    if (p.definition === d.id && Object.entries(p.when).every(([k, v]) => given[k] === v))
      out.push({ key: 'rec.because', text: p.because });
  return out;
}

interface Line {
  family: Family;
  /** Editions, newest first. */
  editions: Definition[];
  /** Local versions of the current edition, by place. */
  local: Map<string, Definition>;
}

/** Groups the definitions for an audience into questionnaires: editions and local versions. */
function linesOf(catalogue: readonly Definition[], audience: Audience): Line[] {
  const fits = catalogue.filter((d) => d.audience.includes(audience));
  const byId = new Map(fits.map((d) => [d.id, d]));
  const baseOf = (d: Definition) => {
    const base = d.extends ? byId.get(idOf(d.extends)) : undefined;
    return base && base.family === d.family && yearOf(d.id) === null ? base : undefined;
  };
  const lines = new Map<string, Line>();
  const stem = (d: Definition) => `${d.family}|${d.id.replace(YEAR, '')}`;
  for (const d of fits) {
    if (baseOf(d)) continue;
    const key = stem(d);
    const line: Line = lines.get(key) ?? { family: d.family, editions: [], local: new Map() };
    line.editions.push(d);
    lines.set(key, line);
  }
  for (const line of lines.values())
    line.editions.sort((a, b) => (yearOf(b.id) ?? 0) - (yearOf(a.id) ?? 0));
  for (const d of fits) {
    const base = baseOf(d);
    if (!base) continue;
    const line = lines.get(stem(base));
    if (line?.editions[0] === base) line.local.set(placeOf(d), d);
  }
  const rank = (f: Family) => Family.options.indexOf(f);
  return [...lines.values()].sort(
    (a, b) =>
      rank(a.family) - rank(b.family) ||
      (a.editions[0]?.id ?? '').localeCompare(b.editions[0]?.id ?? ''),
  );
}

/**
 * The guided start for one audience: the questions to ask and, from the
 * answers, the questionnaires to suggest — the main one first, each with
 * why and the answers it starts with.
 *
 * @example planStart(definitions, 'enterprise').recommend({ answers: { … } })[0].primary // true
 */
export function planStart(
  catalogue: readonly Definition[],
  audience: Audience,
  guide: StartGuide = NO_GUIDE,
): StartPlan {
  const lines = linesOf(catalogue, audience);
  const main = lines[0]?.family;
  const primaries = lines.filter((l) => l.family === main).flatMap((l) => l.editions.slice(0, 1));
  const questions: StartQuestion[] = [];
  for (const d of primaries)
    for (const q of profileQuestions(d))
      if (!questions.some((x) => x.id === q.id)) questions.push(q);
  for (const q of guide.questions) if (q.audience === audience) questions.push(q);
  const places = [...new Set(lines.flatMap((l) => [...l.local.keys()]))].sort((a, b) =>
    a.localeCompare(b, 'zh'),
  );

  const recommend = (profile: Profile): Recommendation[] => {
    const out: Recommendation[] = [];
    for (const line of lines) {
      const [current, ...older] = line.editions;
      if (!current) continue;
      const local = profile.place === undefined ? undefined : line.local.get(profile.place);
      const d = local ?? current;
      const promoted = promotedBy(d, profile.answers, guide);
      const primary = line.family === main || promoted.length > 0;
      out.push({
        definition: d.id,
        title: d.title,
        primary,
        reasons: [
          line.family === main
            ? { key: 'rec.primary' }
            : { key: 'rec.related', family: line.family },
          ...(local ? [{ key: 'rec.regional' as const, place: placeOf(local) }] : []),
          ...promoted,
        ],
        answers: carried(d, profile.answers, guide),
      });
      for (const o of older) {
        const why = promotedBy(o, profile.answers, guide);
        out.push({
          definition: o.id,
          title: o.title,
          primary: why.length > 0,
          reasons: [{ key: 'rec.older', year: yearOf(o.id) }, ...why],
          answers: carried(o, profile.answers, guide),
        });
      }
    }
    // Stable: the main questionnaires first, in the order above.
    return [...out.filter((r) => r.primary), ...out.filter((r) => !r.primary)];
  };
  return { questions, places, recommend };
}

/** The place whose local version fits an organisation's recorded region ("浙江省杭州市" → 浙江省). */
export function guessPlace(places: readonly string[], region: string | null | undefined) {
  if (!region) return undefined;
  return places.find((p) => region.includes(p.replace(/(省|市|自治区|特别行政区)$/, '')));
}
