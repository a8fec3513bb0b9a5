import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { type Locale, score, translate } from '@zhiping/forms';
import { allKinds, allKindsAnswers, allKindsText } from '@zhiping/forms/testing/all-kinds';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../app/query-client.ts';
import { LocaleProvider } from '../i18n/locale.tsx';
import ResultsPage from '../results/results-page.tsx';
import { stubFetch } from '../test/fetch-stub.ts';
import { detail } from '../test/fixture.ts';
import { consoleOf } from './console-fixture.ts';
import ReviewPage from './review-page.tsx';

/*
 * Every item kind reads the same on the review console and the results page
 * as in the PDF and the workbook (api/src/reports/every-kind.test.ts): the
 * expected words are the shared fixture's (forms/src/testing/all-kinds.ts).
 */
afterEach(() => vi.unstubAllGlobals());
vi.mock('../results/section-chart.tsx', () => ({ default: () => null }));

const result = score(allKinds, allKindsAnswers, { asOf: '2026-11-29' });
// Some answers short of full marks, so that the results page lists gaps of each status.
const weaker = { ...allKindsAnswers, 'k.yesno': false, 'k.scale': 1, 'k.single': 'none' };
const weakResult = score(allKinds, weaker, { asOf: '2026-11-29' });
const statusOf = (id: string, locale: Locale, r = result) => {
  const s = r.items.find((i) => i.id === id)?.status;
  if (!s) throw new Error(`no result for ${id}`);
  return translate(locale, `itemStatus.${s}`);
};

function open(path: string, locale: Locale, answers = allKindsAnswers, r = result) {
  stubFetch((call) =>
    call.url === '/api/assessments/a1/review'
      ? { status: 200, body: consoleOf(r) }
      : call.url === '/api/assessments/a1'
        ? {
            status: 200,
            body: detail({
              status: 'in_review',
              definition: {
                id: allKinds.id,
                version: allKinds.version,
                ref: `${allKinds.id}@${allKinds.version}`,
                title: allKinds.title,
              },
              asOf: '2026-11-29',
              answers,
              result: r,
              can: {
                edit: false,
                submit: false,
                assign: false,
                judge: true,
                decide: true,
                reopen: false,
              },
            }),
          }
        : { status: 200, body: { summary: {}, definition: allKinds } },
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <LocaleProvider locale={locale}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/assessments/:id/review" element={<ReviewPage />} />
            <Route path="/assessments/:id/results" element={<ResultsPage />} />
          </Routes>
        </MemoryRouter>
      </LocaleProvider>
    </QueryClientProvider>,
  );
}

describe.each(['zh', 'en'] as const)('every item kind (%s)', (locale) => {
  it('the review console shows each answer and status in the shared words', async () => {
    open('/assessments/a1/review', locale);
    await screen.findAllByRole('listitem');
    for (const [id, text] of Object.entries(allKindsText)) {
      const row = document.querySelector(`[data-review-item="${id}"]`);
      expect(row?.querySelector('.zp-answer')?.textContent, id).toBe(text[locale]);
      expect(row?.querySelector('.zp-review-self .ant-tag')?.textContent, id).toBe(
        statusOf(id, locale),
      );
    }
  });

  it('the results page lists each gap with the same status label', async () => {
    open('/assessments/a1/results', locale, weaker, weakResult);
    await screen.findByTestId('verdict');
    // A gap's words are the definition's: the list shows once the definition is in.
    await waitFor(() => expect(document.querySelector('[data-gap]')).not.toBeNull());
    expect(new Set(weakResult.gaps.map((g) => g.status))).toEqual(new Set(['unmet', 'partial']));
    for (const g of weakResult.gaps)
      expect(document.querySelector(`[data-gap="${g.item}"] .ant-tag`)?.textContent, g.item).toBe(
        statusOf(g.item, locale, weakResult),
      );
  });
});
