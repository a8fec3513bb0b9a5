import './carry-over.css';
import type { CarryOverReport } from '@zhiping/api/contract';
import { textOf } from '@zhiping/forms';
import { Collapse, Statistic, Tag } from 'antd';
import { useLocale } from '../i18n/locale.tsx';

type Line = CarryOverReport['carried'][number];

function Items({ lines, extra }: { lines: Line[]; extra?: (l: Line) => string }) {
  const { locale } = useLocale();
  return (
    <ul className="zp-carry-list">
      {lines.map((l) => (
        <li key={l.item}>
          <span className="zp-muted">{l.item}</span> {textOf(l.label, locale)}
          {extra ? <Tag className="zp-carry-why">{extra(l)}</Tag> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * What a carry-over does, before the new draft exists: how many answers
 * count at once, how many wait for confirmation (and which), which did not
 * carry and why, and which questions are new.
 */
export function ReportView({ report }: { report: CarryOverReport }) {
  const { t } = useLocale();
  const reason = new Map(report.skipped.map((s) => [s.item, s.reason]));
  const skipped = report.skipped.filter((s) => s.reason !== 'unanswered');
  return (
    <section aria-label={t('carry.report')} className="zp-carry-report">
      <div className="zp-carry-stats">
        <Statistic title={t('carry.carried')} value={report.carried.length} />
        <Statistic title={t('carry.pending')} value={report.pending.length} />
        <Statistic title={t('carry.skipped')} value={skipped.length} />
        <Statistic title={t('carry.fresh')} value={report.fresh.length} />
      </div>
      {report.pending.length > 0 ? (
        <>
          <h2>{t('carry.pendingTitle')}</h2>
          <p className="zp-muted">{t('carry.pendingWhy')}</p>
          <Items lines={report.pending} />
        </>
      ) : null}
      <Collapse
        items={[
          {
            key: 'skipped',
            label: `${t('carry.skipped')}（${skipped.length}）`,
            children: (
              <Items
                lines={skipped}
                extra={(l) => t(`carry.reason.${reason.get(l.item) ?? 'incompatible'}`)}
              />
            ),
          },
          {
            key: 'fresh',
            label: `${t('carry.fresh')}（${report.fresh.length}）`,
            children: <Items lines={report.fresh} />,
          },
          {
            key: 'carried',
            label: `${t('carry.carried')}（${report.carried.length}）`,
            children: <Items lines={report.carried} />,
          },
        ]}
      />
    </section>
  );
}
