import './carry-over.css';
import type { AssessmentSummary } from '@zhiping/api/contract';
import { Select } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useT } from '../i18n/locale.tsx';

/**
 * Under the respondent's list: start a new assessment from one of theirs
 * (the same form again, the 2023 edition, the enterprise programme — the
 * carry-over page shows the report first), and the history with its trends.
 */
export function StartFromEarlier({ rows }: { rows: readonly AssessmentSummary[] }) {
  const t = useT();
  const navigate = useNavigate();
  if (rows.length === 0) return null;
  return (
    <div className="zp-row-between zp-wrap zp-start-from">
      <Select
        placeholder={t('carry.startFrom')}
        aria-label={t('carry.startFrom')}
        style={{ minWidth: 260, maxWidth: '100%' }}
        value={null}
        onChange={(id: string) => navigate(`/assessments/${id}/carry-over`)}
        options={rows.map((r) => ({ value: r.id, label: r.title }))}
      />
      <Link to="/history">{t('history.link')}</Link>
    </div>
  );
}
