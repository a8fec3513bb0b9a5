import { type Compiled, type ScoreResult, type Section, textOf } from '@zhiping/forms';
import { memo, useContext } from 'react';
import type { Control } from 'react-hook-form';
import type { Locale, Translate } from '../i18n/locale.tsx';
import type { ResolverContext } from './answers-resolver.ts';
import { ContradictionsContext } from './contradictions.ts';
import type { FieldCodec, FormValues } from './field-codec.ts';
import { ItemField } from './item-field.tsx';
import { UnverifiedTag } from './lazy-parts.tsx';

export interface SectionViewProps {
  section: Section;
  depth: number;
  compiled: Compiled;
  sectionIndex: ReadonlyMap<string, number>;
  result: ScoreResult;
  control: Control<FormValues, ResolverContext>;
  codec: FieldCodec;
  locale: Locale;
  t: Translate;
  disabled?: boolean;
  /** The assessment date: a relative reporting period ("上一年末") is shown with its year. */
  asOf?: string;
}

/**
 * The items of a section that apply now, then its sub-sections under their
 * own headings. Visibility comes from the live score result, so hiding and
 * showing follow the answers exactly as the server will see them. Memoised:
 * while the score result is the same object, nothing here re-renders.
 */
export const SectionView = memo(function SectionView(p: SectionViewProps) {
  const { section, compiled, result, locale, t } = p;
  const contradictions = useContext(ContradictionsContext);
  return (
    <>
      {section.items.map((item) => {
        const index = compiled.itemIndex.get(item.id);
        const res = index === undefined ? undefined : result.items[index];
        if (index === undefined || !res?.visible) return null;
        const derived = item.kind === 'computed' ? result.derived[item.value] : undefined;
        return (
          <ItemField
            key={item.id}
            item={item}
            domId={`q-${index}`}
            name={p.codec.name(item.id)}
            control={p.control}
            scales={compiled.definition.scales}
            required={res.required}
            status={res.status}
            points={res.points}
            max={res.max}
            derived={derived}
            contradiction={contradictions.get(item.id)}
            asOf={p.asOf}
            locale={locale}
            t={t}
            disabled={p.disabled}
          />
        );
      })}
      {section.sections.map((child) => {
        const i = p.sectionIndex.get(child.id);
        if (i === undefined || result.sections[i]?.visible !== true) return null;
        const Heading = p.depth === 0 ? 'h3' : 'h4';
        return (
          <section key={child.id} className="zp-subsection" aria-labelledby={`s-${child.id}`}>
            <Heading id={`s-${child.id}`} className="zp-subsection-title">
              {child.clause ? <span className="zp-clause">{child.clause}</span> : null}
              {textOf(child.title, locale)}
              {child.unverified ? <UnverifiedTag /> : null}
            </Heading>
            {child.description ? (
              <p className="zp-muted">{textOf(child.description, locale)}</p>
            ) : null}
            <SectionView {...p} section={child} depth={p.depth + 1} />
          </section>
        );
      })}
    </>
  );
});
