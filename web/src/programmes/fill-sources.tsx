import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLocale } from '../i18n/locale.tsx';
import { formatTime } from '../shared/text.ts';
import { programmesApi } from './programmes-api.ts';

type Fill = Awaited<ReturnType<typeof programmesApi.fills>>[number];

/**
 * Which answers of this assessment came from a call's roll-up, and from
 * which call; where the answer now differs, a box for the reason. Nothing
 * when no answer was filled from a call.
 */
export function FillSources({ assessment }: { assessment: string }) {
  const { t } = useLocale();
  const fills = useQuery({
    queryKey: ['fills', assessment],
    queryFn: () => programmesApi.fills(assessment),
  });
  if (!fills.data || fills.data.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      className="zp-section"
      message={t('prog.source.title')}
      description={
        <ul className="zp-plain-list">
          {fills.data.map((f) => (
            <FillLine key={f.item} assessment={assessment} fill={f} />
          ))}
        </ul>
      }
    />
  );
}

function FillLine({ assessment, fill }: { assessment: string; fill: Fill }) {
  const { locale, t } = useLocale();
  const [reason, setReason] = useState(fill.overrideReason ?? '');
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => programmesApi.explain(assessment, fill.item, reason),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['fills', assessment] }),
  });
  return (
    <li data-fill={fill.item}>
      <Link to={`/programmes/${fill.programme.id}`}>
        {t('prog.source.line', {
          item: fill.item,
          value: fill.value,
          programme: fill.programme.title,
          date: formatTime(fill.filledAt, locale),
        })}
      </Link>
      {fill.overridden ? (
        <Space.Compact block style={{ marginTop: 4 }}>
          <Input
            aria-label={`${t('prog.source.overridden')}：${t('prog.source.reason')}`}
            placeholder={`${t('prog.source.overridden')}：${t('prog.source.reason')}`}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button disabled={!reason.trim()} loading={save.isPending} onClick={() => save.mutate()}>
            {t('prog.source.save')}
          </Button>
        </Space.Compact>
      ) : null}
      {save.isSuccess ? (
        <span role="status" className="zp-muted">
          {' '}
          {t('prog.source.saved')}
        </span>
      ) : null}
    </li>
  );
}
