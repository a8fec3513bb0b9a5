import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import type { Source } from '../schema/source.ts';
import { fixture } from '../testing/fixture.ts';
import { citedPassages, passagesFor, stalePassages } from './passages.ts';

const cite = (article: string, quote?: string) => {
  const d = Definition.parse(structuredClone(fixture));
  d.sections[1]?.items[0]?.citations.push({ source: 'doc', article, ...(quote ? { quote } : {}) });
  return d;
};
const source = (passages: Source['passages']): Source => ({
  id: 'doc',
  kind: 'document',
  title: 't',
  issuer: 'i',
  date: '2016',
  passages,
});

describe('catalogue passages', () => {
  it('lists each cited article once with the quotes used, across definitions', () => {
    const cited = citedPassages([
      cite('三(二)', '自願申報'),
      cite('三(二)', '示範城市'),
      cite('二(一)'),
    ]);
    expect(passagesFor(cited, 'doc')).toEqual([
      { article: '二(一)', quotes: [] },
      { article: '三(二)', quotes: ['示範城市', '自願申報'] },
    ]);
  });

  it('tells which sources are out of date', () => {
    const cited = citedPassages([cite('三(二)', '自願申報')]);
    expect(stalePassages(cited, new Map([['doc', source([])]]))).toEqual(['doc']);
    expect(
      stalePassages(
        cited,
        new Map([['doc', source([{ article: '三(二)', quotes: ['自願申報'] }])]]),
      ),
    ).toEqual([]);
  });
});

describe('citedPassages: documents only', () => {
  it('lists no entry for a standard clause', () => {
    const d = cite('一');
    d.sections[1]?.items[1]?.citations.push({ standard: 'gbt29490-2023', clause: '5.1' });
    expect([...citedPassages([d]).keys()]).toEqual(['doc']);
  });
});
