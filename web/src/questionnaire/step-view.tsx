import { textOf } from '@zhiping/forms';
import type { RefObject } from 'react';
import { SectionView, type SectionViewProps } from './section-view.tsx';
import type { Step } from './steps.ts';

interface Props extends Omit<SectionViewProps, 'section' | 'depth'> {
  step: Step;
  stepNo: number;
  total: number;
  /** Focused on every step change, so keyboard and screen-reader users start at the top. */
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** One step: "第 n / N 步", the section's heading and description, then its questions. */
export function StepView({ step, stepNo, total, headingRef, ...rest }: Props) {
  const { locale, t } = rest;
  const { section } = step;
  return (
    <section aria-labelledby="zp-step-title">
      <div className="zp-muted">{t('q.step', { n: stepNo, total })}</div>
      <h2 id="zp-step-title" className="zp-step-heading" tabIndex={-1} ref={headingRef}>
        {section.clause ? <span className="zp-clause">{section.clause}</span> : null}
        {textOf(section.title, locale)}
      </h2>
      {section.description ? (
        <p className="zp-muted">{textOf(section.description, locale)}</p>
      ) : null}
      {step.applicable === 0 && section.items.length + section.sections.length > 0 ? (
        <p className="zp-empty">{t('q.emptyStep')}</p>
      ) : null}
      <SectionView {...rest} section={section} depth={0} />
    </section>
  );
}
