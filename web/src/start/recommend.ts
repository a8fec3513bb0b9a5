import type { Answers } from '@zhiping/forms';

export type Region = 'beijing' | 'shenzhen' | 'zhejiang' | 'other';

/** What the guided start asks; unanswered questions stay undefined. */
export interface Profile {
  kind: 'enterprise' | 'city';
  manufactures?: boolean | undefined;
  exports?: boolean | undefined;
  rnd?: boolean | undefined;
  certified2013?: boolean | undefined;
  demoCity?: boolean | undefined;
  region?: Region | undefined;
}

export type Reason =
  | 'rec.gbt2023'
  | 'rec.gbt2013'
  | 'rec.programmeRnd'
  | 'rec.programme'
  | 'rec.strongCity'
  | 'rec.strongCityNotDemo'
  | 'rec.strongCity2016';

export interface Recommendation {
  /** Definition id (the API takes the newest published version). */
  definition: string;
  primary: boolean;
  reason: Reason;
  /** Profile answers the new assessment starts with, so nothing is asked twice. */
  answers: Answers;
}

const PROGRAMME: Record<Region, string> = {
  beijing: 'ip-enterprise-beijing',
  shenzhen: 'ip-enterprise-shenzhen',
  zhejiang: 'ip-enterprise-zhejiang',
  other: 'ip-enterprise',
};

/** Only the answers actually given: an unanswered profile question stays unanswered. */
function given(pairs: Record<string, unknown>): Answers {
  return Object.fromEntries(Object.entries(pairs).filter(([, v]) => v !== undefined));
}

/**
 * Which built-in questionnaires fit an organisation, most relevant first,
 * each with why and the profile answers it can be pre-filled with.
 *
 * @example recommend({ kind: 'enterprise', rnd: true, region: 'shenzhen' })[0].definition
 */
export function recommend(p: Profile): Recommendation[] {
  const out: Recommendation[] = [];
  if (p.kind === 'city') {
    out.push({
      definition: 'strong-city-2025',
      primary: true,
      // Not yet a demonstration city: the questionnaire still helps, its first gate will say what blocks.
      reason: p.demoCity === false ? 'rec.strongCityNotDemo' : 'rec.strongCity',
      answers: given({ 'p.demo-city': p.demoCity }),
    });
    out.push({
      definition: 'strong-city-2016',
      primary: false,
      reason: 'rec.strongCity2016',
      answers: given({ 'p.demo-city': p.demoCity }),
    });
    return out;
  }
  const shared = { 'p.manufactures': p.manufactures, 'p.exports': p.exports, 'p.rnd': p.rnd };
  out.push({
    definition: 'gbt29490-2023',
    primary: true,
    reason: 'rec.gbt2023',
    answers: given(shared),
  });
  if (p.certified2013) {
    out.push({
      definition: 'gbt29490-2013',
      primary: true,
      reason: 'rec.gbt2013',
      answers: given({ ...shared, 'p.holds-2013-cert': true }),
    });
  }
  const kind =
    p.manufactures === true
      ? 'manufacturer'
      : p.rnd === true
        ? 'tech-services'
        : p.manufactures === false && p.rnd === false
          ? 'other'
          : undefined;
  out.push({
    definition: PROGRAMME[p.region ?? 'other'],
    primary: p.rnd === true,
    reason: p.rnd === true ? 'rec.programmeRnd' : 'rec.programme',
    answers: given({
      'p.kind': kind,
      'p.own-rd': p.rnd,
      'p.exports': p.exports,
      'p.certification': p.certified2013 ? 'v2013' : undefined,
    }),
  });
  // Stable: primary ones first, in the order above.
  return [...out.filter((r) => r.primary), ...out.filter((r) => !r.primary)];
}
