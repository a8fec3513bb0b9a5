import { textOf } from '@zhiping/forms';
import { Alert, Tag } from 'antd';
import { useDefinition } from '../api/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import type { programmesApi } from './programmes-api.ts';

type View = Awaited<ReturnType<typeof programmesApi.one>>;
type Rule = { title: string; years: number };

/** A tier id in words: the call's definition's label, the id while it loads. */
export function useTierLabel(definitionRef: string) {
  const { locale } = useLocale();
  const definition = useDefinition(definitionRef);
  return (id: string) =>
    textOf(definition.data?.definition.tiers.find((x) => x.id === id)?.label, locale) || id;
}

/** A tier's previous-title rule in one sentence. */
export function useRuleText(definitionRef: string, closesOn: string) {
  const { t } = useLocale();
  const label = useTierLabel(definitionRef);
  return (tier: string, r: Rule) =>
    r.years > 0
      ? t('prog.titleRule', {
          tier: label(tier),
          title: label(r.title),
          years: r.years,
          date: closesOn,
        })
      : t('prog.titleRuleAny', { tier: label(tier), title: label(r.title) });
}

/** The call's title rules, one per line (everyone sees them in the call's settings). */
export function TitleRules({ view }: { view: View }) {
  const { t } = useLocale();
  const p = view.programme;
  const text = useRuleText(`${p.definitionId}@${p.definitionVersion}`, p.closesOn);
  const rules = Object.entries(p.titleRules);
  if (rules.length === 0) return <>{t('prog.titleNone')}</>;
  return (
    <ul className="zp-plain-list">
      {rules.map(([tier, r]) => (
        <li key={tier}>{text(tier, r)}</li>
      ))}
    </ul>
  );
}

/**
 * The applicant's standing against each rule, with what to do: met (since
 * when), short (from when it will be met), or no record (ask the office).
 * When the whole call is out of reach, says so first.
 */
export function TitleChecks({ view }: { view: View }) {
  const { t } = useLocale();
  const p = view.programme;
  const text = useRuleText(`${p.definitionId}@${p.definitionVersion}`, p.closesOn);
  if (view.titleChecks.length === 0) return null;
  const barred = view.ineligible.includes('title');
  const list = (
    <ul className="zp-plain-list zp-title-checks">
      {view.titleChecks.map((c) => (
        <li key={c.tier}>
          {text(c.tier, c)}：
          {c.met ? (
            <Tag color="green">{t('prog.titleMet', { since: c.heldSince ?? '' })}</Tag>
          ) : c.heldSince ? (
            <Tag color="orange">
              {t('prog.titleShort', { since: c.heldSince, from: c.metFrom ?? '' })}
            </Tag>
          ) : (
            <span>{t('prog.titleMissing')}</span>
          )}
        </li>
      ))}
    </ul>
  );
  return barred ? (
    <Alert
      type="warning"
      showIcon
      message={t('prog.ineligibleTitle')}
      description={
        <>
          <p>{t('prog.ineligible.title')}</p>
          {list}
        </>
      }
    />
  ) : (
    <section aria-label={t('prog.titles')}>{list}</section>
  );
}
