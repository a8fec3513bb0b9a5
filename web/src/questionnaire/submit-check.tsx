import { type Compiled, textOf } from '@zhiping/forms';
import type { RefObject } from 'react';
import { Alert, Button } from '../app/antd-theme.tsx';
import type { Locale, Translate } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { type Missing, missingText } from './missing.ts';
import { topOf } from './steps.ts';

interface Props {
  missing: Missing[];
  compiled: Compiled;
  onGoTo: (itemId: string) => void;
  onSubmit: () => void;
  submitting: boolean;
  error: unknown;
  headingRef: RefObject<HTMLHeadingElement | null>;
  locale: Locale;
  t: Translate;
}

/**
 * The last step: what is still missing (computed here with the engine, and
 * whatever the server's 422 listed), each with a link to the question, and
 * the submit button once nothing is.
 */
export function SubmitCheck(p: Props) {
  const { compiled, locale, t } = p;
  const titleOf = (id: string) => {
    const i = compiled.sections.findIndex((s) => s.section.id === id);
    return i < 0 ? id : textOf(compiled.sections[i]?.section.title, locale);
  };
  const rows = p.missing.map((m) => {
    const i = compiled.itemIndex.get(m.item);
    const ci = i === undefined ? undefined : compiled.items[i];
    return {
      item: m.item,
      message: missingText(m, locale, compiled.definition),
      prompt: ci ? textOf(ci.item.prompt, locale) : m.item,
      step: ci ? titleOf(topOf(compiled, ci.section)) : '',
    };
  });
  return (
    <section aria-labelledby="zp-submit-title" className="zp-submit">
      <h2 id="zp-submit-title" tabIndex={-1} ref={p.headingRef} className="zp-step-heading">
        {t('submit.title')}
      </h2>
      {rows.length > 0 ? (
        <>
          <Alert type="warning" showIcon title={t('submit.missing', { n: rows.length })} />
          <ol className="zp-missing">
            {rows.map((r) => (
              <li key={`${r.item}|${r.message}`}>
                <span className="zp-muted">{r.step} · </span>
                {r.prompt} — <span className="zp-error-text">{r.message}</span>{' '}
                <Button type="link" size="small" onClick={() => p.onGoTo(r.item)}>
                  {t('submit.goTo')}
                </Button>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <Alert type="success" showIcon title={t('submit.ok')} description={t('submit.frozen')} />
      )}
      {p.error ? <ProblemAlert error={p.error} /> : null}
      <div className="zp-actions">
        <Button
          type="primary"
          disabled={rows.length > 0}
          loading={p.submitting}
          onClick={p.onSubmit}
        >
          {t('submit.confirm')}
        </Button>
      </div>
    </section>
  );
}
