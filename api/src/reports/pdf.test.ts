import { compile, isDocumentCitation, itemById, translate, verdictLabel, zh } from '@zhiping/forms';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { formatScore, REPORT_TITLE, renderPdf, sealText } from './index.ts';
import { pageLabel } from './pdf.ts';
import { sampleInput } from './sample-input.ts';
import type { ReportInput } from './types.ts';

// The largest built-in definition (111 items) with a sample full of gaps,
// reviewed and decided: every part of the report has something to show.
const input = sampleInput('gbt29490-2013/lapsed-gaps.json', { reviewed: true });
// A draft of another definition: no seal yet, no reviews, no decision.
const base = sampleInput('ip-enterprise/pilot-gaps.json');
const draft: ReportInput = {
  ...base,
  assessment: { ...base.assessment, status: 'draft', submittedAt: null, submissionHash: null },
};

/** The text of each page, lines joined without separators and all whitespace dropped. */
async function pageTexts(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  await doc.destroy();
  return pages.map(squash);
}

// Lines are broken before pdfmake sees them: compare text with whitespace removed.
const squash = (s: string) => s.replace(/\s+/g, '');

let pdf: Buffer;
let pages: string[];
let all: string;
let warnings: unknown[][];

beforeAll(async () => {
  // pdfmake warns about missing access policies, and its SVG renderer about
  // fonts it cannot open (it then tries the file system): neither may happen.
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    pdf = await renderPdf(input);
    warnings = warn.mock.calls;
  } finally {
    warn.mockRestore();
  }
  pages = await pageTexts(pdf);
  all = pages.join('');
});

describe('PDF report', () => {
  it('is a PDF under 1 MB', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(1024 * 1024);
    expect(pages.length).toBeGreaterThan(5);
  });

  it('prints the Chinese headings, the verdict and the total as formatted', () => {
    for (const h of [
      REPORT_TITLE,
      '一、结论',
      '二、得分',
      '三、逐项结果',
      '四、差距与整改建议',
      '六、评审决定',
    ])
      expect(all).toContain(squash(h));
    expect(all).toContain(squash(verdictLabel(input.result)));
    expect(pages[0]).toContain(squash(input.assessment.organisation.name));
    expect(pages[0]).toContain('已决定');
    expect(all).toContain(`总分${formatScore(input.result.total.score)}/100`);
  });

  it('prints gaps with their recommendation and citation', () => {
    // A gap is the item's id and cost: its words come from the definition's item.
    const c = compile(input.definition);
    const item = input.result.gaps
      .map((g) => itemById(c, g.item))
      .find((i) => i?.recommendation !== undefined && i.citations.length > 0);
    expect(item).toBeDefined();
    if (!item?.recommendation) return;
    expect(all).toContain(squash(zh(item.recommendation)));
    const cite = item.citations[0];
    if (cite && !isDocumentCitation(cite)) expect(all).toContain(`第${cite.clause}条`);
  });

  it('prints items with auditor labels, readable answers, 待确认 and the review', () => {
    for (const label of ['符合', '一般不符合', '严重不符合']) expect(all).toContain(label);
    expect(all).toContain('待确认');
    expect(all).toContain('仅有文件（1级）'); // a maturity level by its label, not its number
    expect(all).toContain(squash('记录只覆盖上半年')); // the reviewer's reason
    expect(all).toContain('自评：符合'); // what the reviewer overrode
    expect(all).toContain(translate('zh', 'decision.approve')); // the decision
  });

  it('renders without warnings', () => {
    expect(warnings).toEqual([]);
  });

  it('draws the chart text with the embedded font', () => {
    const scores = pages.find((p) => p.includes('二、得分')) ?? '';
    // Axis labels exist only in the chart's SVG.
    expect(scores).toContain('100%');
  });

  it('embeds only subsets of Noto Sans SC', () => {
    const names = [...pdf.toString('latin1').matchAll(/\/BaseFont\s*\/([^\s/<>[\]]+)/g)].map(
      (m) => m[1],
    );
    expect(new Set(names.map((n) => n?.replace(/^[A-Z]{6}\+/, '')))).toEqual(
      new Set(['NotoSansSC-Regular', 'NotoSansSC-Bold']),
    );
    for (const n of names) expect(n).toMatch(/^[A-Z]{6}\+NotoSansSC-(Regular|Bold)$/);
  });

  it('puts the seal and the page number on every page', () => {
    const seal = squash(sealText(input.assessment.submissionHash, input.assessment.status));
    expect(seal).toMatch(/^SHA-256:[0-9a-f]{64}$/);
    pages.forEach((p, i) => {
      expect(p).toContain(seal);
      expect(p).toContain(squash(pageLabel(i + 1, pages.length)));
      expect(p).toContain(squash(zh(input.definition.title)));
    });
  });

  it('says a draft is not sealed, on every page', async () => {
    const texts = await pageTexts(await renderPdf(draft));
    for (const p of texts) {
      expect(p).toContain('草稿，未封存');
      expect(p).not.toContain('SHA-256');
    }
    expect(texts.join('')).toContain('尚无评审决定');
  });
});
