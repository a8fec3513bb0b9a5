import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import type { Source } from '../schema/source.ts';
import { fixture } from '../testing/fixture.ts';
import { verifyQuotes } from './quotes.ts';

// A stand-in for the opencc fold the CLI uses: enough characters for this text.
const TO_SIMPLIFIED: Record<string, string> = {
  國: '国',
  識: '识',
  權: '权',
  産: '产',
  強: '强',
  範: '范',
};
const fold = (s: string) => s.replace(/[國識權産強範]/g, (c) => TO_SIMPLIFIED[c] ?? c);
const doc = '關於加快建設知識産權強市的指導意見\n面向國家知識産權示範城市, 自願申報';
const catalogue = new Map<string, Source>([
  [
    'city',
    {
      id: 'city',
      kind: 'document',
      title: 't',
      issuer: 'i',
      date: '2016',
      file: 'city.txt',
      passages: [],
    },
  ],
]);

const withQuote = (quote: string) => {
  const d = Definition.parse(structuredClone(fixture));
  d.sections[1]?.items[0]?.citations.push({ source: 'city', article: '三(二)', quote });
  return d;
};

describe('verifyQuotes', () => {
  it('finds a quote written in either script, ignoring white space and width', () => {
    expect(verifyQuotes(withQuote('面向国家知识产权示范城市'), catalogue, () => doc, fold)).toEqual(
      [],
    );
    expect(verifyQuotes(withQuote('知識産權 強市'), catalogue, () => doc, fold)).toEqual([]);
    expect(verifyQuotes(withQuote('城市，自願申報'), catalogue, () => doc, fold)).toEqual([]); // full-width comma
  });

  it('reports a quote that is not in the document, with its path', () => {
    const [p] = verifyQuotes(withQuote('面向所有城市'), catalogue, () => doc, fold);
    expect(p).toMatchObject({
      code: 'quote_not_found',
      path: ['sections', 1, 'items', 0, 'citations', 0, 'quote'],
    });
  });

  it('reports a document it cannot read', () => {
    expect(verifyQuotes(withQuote('自願申報'), catalogue, () => undefined, fold)[0]?.code).toBe(
      'missing_document',
    );
  });
});

describe('verifyQuotes: every problem in full', () => {
  it('says which quote, where and why; reads each document once; skips unquoted citations', () => {
    const d = withQuote('面向所有城市');
    const cites = d.sections[1]?.items[0]?.citations ?? [];
    cites.push({ source: 'city', article: '一' }); // no quote: nothing to prove
    cites.push({ source: 'city', article: '二', quote: '自願申報' });
    cites.push({ source: 'nofile', article: '一', quote: '自願申報' });
    cites.push({ standard: 'gbt29490-2023', clause: '4.1' });
    cites.push({ source: 'unlisted', article: '一', quote: '自願申報' }); // not in the catalogue
    const withNoFile = new Map(catalogue).set('nofile', {
      ...(catalogue.get('city') as Source),
      id: 'nofile',
      file: undefined,
    });
    const reads: string[] = [];
    const at = (i: number) => ['sections', 1, 'items', 0, 'citations', i, 'quote'];
    expect(
      verifyQuotes(
        d,
        withNoFile,
        (f) => {
          reads.push(f);
          return doc;
        },
        fold,
      ),
    ).toEqual([
      {
        path: at(0),
        code: 'quote_not_found',
        message: 'quote not found verbatim in city.txt: "面向所有城市"',
        severity: 'error',
      },
      {
        path: at(3),
        code: 'unprovable_quote',
        message: '"nofile" has no text file to prove the quote against',
        severity: 'error',
      },
      {
        path: at(5),
        code: 'unprovable_quote',
        message: '"unlisted" has no text file to prove the quote against',
        severity: 'error',
      },
    ]);
    expect(reads).toEqual(['city.txt']);
    expect(verifyQuotes(withQuote('自願申報'), catalogue, () => undefined, fold)).toEqual([
      {
        path: at(0),
        code: 'missing_document',
        message: 'cannot read city.txt',
        severity: 'error',
      },
    ]);
  });
});
