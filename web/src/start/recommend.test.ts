import { Definition, validateAnswers } from '@zhiping/forms';
import { loadBuiltins, loadStartGuide } from '@zhiping/forms/node';
import { describe, expect, it } from 'vitest';
import { guessPlace, planStart, type Recommendation } from './recommend.ts';

// The built-in catalogue, as the API publishes it: the ids below are expectations
// about that data, never rules in the code.
const catalogue = loadBuiltins().definitions;
const ids = (rs: Recommendation[]) => rs.map((r) => `${r.primary ? '*' : ''}${r.definition}`);

describe('planStart (enterprises)', () => {
  const plan = planStart(catalogue, 'enterprise');

  it('puts the current 贯标 edition first, then the earlier edition and the programme', () => {
    expect(ids(plan.recommend({ answers: {} }))).toEqual([
      '*gbt29490-2023',
      'gbt29490-2013',
      'ip-enterprise',
    ]);
    expect(plan.recommend({ answers: {} }).map((r) => r.reasons[0]?.key)).toEqual([
      'rec.primary',
      'rec.older',
      'rec.related',
    ]);
  });

  it('offers the local version of a questionnaire for the places that have one', () => {
    expect(plan.places).toEqual(
      ['北京市', '浙江省', '深圳市', '广东省'].sort((a, b) => a.localeCompare(b, 'zh')),
    );
    const r = plan.recommend({ place: '深圳市', answers: {} });
    expect(ids(r)).toContain('ip-enterprise-shenzhen');
    expect(r.find((x) => x.definition === 'ip-enterprise-shenzhen')?.reasons).toEqual([
      { key: 'rec.related', family: 'enterprise-programme' },
      { key: 'rec.regional', place: '深圳市' },
    ]);
    expect(guessPlace(plan.places, '浙江省杭州市')).toBe('浙江省');
    expect(guessPlace(plan.places, '江苏省')).toBeUndefined();
  });

  it('asks the main questionnaire’s own profile questions, and carries each answer to every questionnaire asking it', () => {
    expect(plan.questions.map((q) => q.id)).toEqual([
      'p.manufactures',
      'p.exports',
      'p.rnd',
      'p.ip-deals',
      'p.standards',
      'p.trade-secrets',
    ]);
    const r = plan.recommend({ answers: { 'p.manufactures': false, 'p.exports': true } });
    expect(r.map((x) => x.answers)).toEqual([
      { 'p.manufactures': false, 'p.exports': true },
      { 'p.manufactures': false, 'p.exports': true },
      { 'p.exports': true },
    ]);
  });
});

describe('planStart (cities)', () => {
  it('sends cities to the strong-city questionnaire, its earlier edition and the indicator trackers', () => {
    const plan = planStart(catalogue, 'city');
    const r = plan.recommend({ answers: { 'p.demo-city': false } });
    expect(ids(r)[0]).toBe('*strong-city-2025');
    expect(ids(r)).toContain('strong-city-2016');
    expect(r.filter((x) => x.primary)).toHaveLength(1);
    expect(plan.questions.map((q) => q.id)).toContain('p.demo-city');
    expect(r[0]?.answers).toMatchObject({ 'p.demo-city': false });
  });
});

describe('planStart with the guide (forms/start/guide.yaml): the rules restored from data', () => {
  const guide = loadStartGuide();
  const plan = planStart(catalogue, 'enterprise', guide);
  const rec = (answers: Record<string, unknown>, id: string) =>
    plan.recommend({ answers }).find((r) => r.definition === id);

  it('asks about a 2013 certificate after the profile questions', () => {
    expect(plan.questions.map((q) => q.id).at(-1)).toBe('start.holds-2013');
    expect(planStart(catalogue, 'city', guide).questions.map((q) => q.id)).not.toContain(
      'start.holds-2013',
    );
  });

  it('a 2013 holder gets the 2013 questionnaire as a main one, and both forms know the certificate', () => {
    const holder = { 'start.holds-2013': true };
    expect(rec(holder, 'gbt29490-2013')).toMatchObject({
      primary: true,
      answers: { 'p.holds-2013-cert': true },
    });
    expect(rec(holder, 'gbt29490-2013')?.reasons.map((r) => r.key)).toEqual([
      'rec.older',
      'rec.because',
    ]);
    expect(rec(holder, 'ip-enterprise')?.answers).toMatchObject({ 'p.certification': 'v2013' });
    expect(rec({ 'start.holds-2013': false }, 'gbt29490-2013')).toMatchObject({
      primary: false,
      answers: { 'p.holds-2013-cert': false },
    });
  });

  it('an enterprise with its own R&D gets the programme as a main one, its own-R&D answer carried', () => {
    expect(rec({ 'p.rnd': true }, 'ip-enterprise')).toMatchObject({
      primary: true,
      answers: { 'p.own-rd': true },
    });
    expect(rec({ 'p.rnd': false }, 'ip-enterprise')).toMatchObject({
      primary: false,
      answers: { 'p.own-rd': false },
    });
    expect(ids(plan.recommend({ answers: { 'p.rnd': true } })).slice(0, 2)).toEqual([
      '*gbt29490-2023',
      '*ip-enterprise',
    ]);
  });

  it('pre-fills only answers the questionnaires accept, with the guide too', () => {
    for (const v of [true, false]) {
      const answers = Object.fromEntries(plan.questions.map((q) => [q.id, v]));
      for (const r of plan.recommend({ answers })) {
        const def = catalogue.find((d) => d.id === r.definition);
        expect(def && validateAnswers(def, r.answers), r.definition).toEqual([]);
      }
    }
  });
});

describe('planStart (any catalogue)', () => {
  it('pre-fills only answers that the questionnaires accept, whatever is answered', () => {
    for (const audience of ['enterprise', 'city'] as const) {
      const plan = planStart(catalogue, audience);
      for (const v of [true, false, 'yes', 1])
        for (const place of [undefined, ...plan.places]) {
          const answers = Object.fromEntries(plan.questions.map((q) => [q.id, v]));
          for (const r of plan.recommend({ place, answers })) {
            const def = catalogue.find((d) => d.id === r.definition);
            expect(def && validateAnswers(def, r.answers), r.definition).toEqual([]);
          }
        }
    }
  });

  it('follows the data: a new local version or a new edition needs no code', () => {
    const base = catalogue.find((d) => d.id === 'gbt29490-2023');
    const programme = catalogue.find((d) => d.id === 'ip-enterprise');
    if (!base || !programme) throw new Error('built-ins missing');
    const jiangsu = Definition.parse({
      ...programme,
      id: 'ip-enterprise-jiangsu',
      title: '江苏省知识产权示范企业自评',
      extends: 'ip-enterprise@2.0.0',
    });
    const local = planStart([...catalogue, jiangsu], 'enterprise');
    expect(local.places).toContain('江苏省');
    expect(ids(local.recommend({ place: '江苏省', answers: {} }))).toContain(
      'ip-enterprise-jiangsu',
    );
    const edition = Definition.parse({ ...base, id: 'gbt29490-2030' });
    expect(
      ids(planStart([...catalogue, edition], 'enterprise').recommend({ answers: {} })),
    ).toEqual(['*gbt29490-2030', 'gbt29490-2023', 'gbt29490-2013', 'ip-enterprise']);
  });
});
