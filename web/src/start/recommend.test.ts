import { validateAnswers } from '@zhiping/forms';
import { loadBuiltins } from '@zhiping/forms/node';
import { describe, expect, it } from 'vitest';
import { type Profile, type Region, recommend } from './recommend.ts';

const ids = (p: Profile) => recommend(p).map((r) => `${r.primary ? '*' : ''}${r.definition}`);

describe('recommend', () => {
  it('puts 贯标 2023 first for any enterprise and the regional programme after', () => {
    expect(ids({ kind: 'enterprise', region: 'shenzhen' })).toEqual([
      '*gbt29490-2023',
      'ip-enterprise-shenzhen',
    ]);
    expect(ids({ kind: 'enterprise', region: 'beijing', rnd: true })).toEqual([
      '*gbt29490-2023',
      '*ip-enterprise-beijing',
    ]);
    expect(ids({ kind: 'enterprise' })).toContain('ip-enterprise');
  });

  it('adds the 2013 self-check for a holder of a 2013 certificate, pre-answering that', () => {
    const r = recommend({ kind: 'enterprise', certified2013: true, region: 'zhejiang' });
    expect(r.map((x) => x.definition)).toEqual([
      'gbt29490-2023',
      'gbt29490-2013',
      'ip-enterprise-zhejiang',
    ]);
    expect(r[1]?.answers).toEqual({ 'p.holds-2013-cert': true });
    expect(r[2]?.answers).toEqual({ 'p.certification': 'v2013' });
  });

  it('carries only the profile answers given', () => {
    const r = recommend({ kind: 'enterprise', manufactures: true, exports: false });
    expect(r[0]?.answers).toEqual({ 'p.manufactures': true, 'p.exports': false });
    expect(r[1]?.answers).toEqual({ 'p.kind': 'manufacturer', 'p.exports': false });
    expect(recommend({ kind: 'enterprise', manufactures: false, rnd: false })[1]?.answers).toEqual({
      'p.kind': 'other',
      'p.own-rd': false,
    });
  });

  it('sends cities to the strong-city questionnaires and says when the gate will fail', () => {
    expect(ids({ kind: 'city', demoCity: true, region: 'beijing' })).toEqual([
      '*strong-city-2025',
      'strong-city-2016',
    ]);
    const notDemo = recommend({ kind: 'city', demoCity: false });
    expect(notDemo[0]?.reason).toBe('rec.strongCityNotDemo');
    expect(notDemo[0]?.answers).toEqual({ 'p.demo-city': false });
  });

  it('pre-fills only answers that the built-in definitions accept', () => {
    const lib = loadBuiltins();
    const regions: Region[] = ['beijing', 'shenzhen', 'zhejiang', 'other'];
    const bools = [true, false, undefined];
    for (const region of regions)
      for (const a of bools)
        for (const b of bools)
          for (const profile of [
            { kind: 'enterprise', manufactures: a, rnd: b, exports: a, certified2013: b, region },
            { kind: 'city', demoCity: a, region },
          ] as Profile[])
            for (const r of recommend(profile)) {
              const def = lib.get(r.definition);
              expect(validateAnswers(def, r.answers, 'draft'), r.definition).toEqual([]);
            }
  });
});
