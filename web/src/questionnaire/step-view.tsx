import { textOf } from '@zhiping/forms';
import type { RefObject } from 'react';
import { SectionView, type SectionViewProps } from './section-view.tsx';
import type { Step } from './steps.ts';

export interface StepViewProps extends Omit<SectionViewProps, 'section' | 'depth'> {
  step: Step;
  stepNo: number;
  total: number;
  /** The step shown (kept-steps.tsx keeps others mounted, hidden): its heading has the id. */
  current?: boolean;
  /** Focused on every step change, so keyboard and screen-reader users start at the top. */
  headingRef?: RefObject<HTMLHeadingElement | null> | undefined;
}

/** One step: "第 n / N 步", the section's heading and description, then its questions. */
export function StepView({
  step,
  stepNo,
  total,
  headingRef,
  current = true,
  ...rest
}: StepViewProps) {
  const { locale, t } = rest;
  const { section } = step;
  const title = current ? 'zp-step-title' : undefined;
  return (
    <section aria-labelledby={title}>
      <div className="zp-muted">{t('q.step', { n: stepNo, total })}</div>
      <h2 id={title} className="zp-step-heading" tabIndex={-1} ref={headingRef}>
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
