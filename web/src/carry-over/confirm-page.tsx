import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answerText, itemPlaces, textOf } from '@zhiping/forms';
import { Alert, Button, Checkbox, Space } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { keys, useAssessment, useDefinition } from '../api/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { carryApi, carryKeys, usePending } from './api.ts';

/**
 * The carried answers still to be confirmed, each with the value carried:
 * tick and confirm (it then counts), or open the question and answer it
 * afresh (it then leaves this list too). Until then it counts as unanswered.
 */
export default function ConfirmPage() {
  const { id = '' } = useParams();
  const { locale, t } = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const assessment = useAssessment(id);
  const form = useDefinition(assessment.data?.definition.ref);
  const pending = usePending(id);
  const [chosen, setChosen] = useState<string[]>([]);
  const places = useMemo(() => (form.data ? itemPlaces(form.data.definition) : null), [form.data]);
  const confirm = useMutation({
    mutationFn: (items: string[]) => carryApi.confirm(id, assessment.data?.revision ?? 0, items),
    onSuccess: async () => {
      setChosen([]);
      await queryClient.invalidateQueries({ queryKey: keys.assessment(id) });
      const left = await queryClient.fetchQuery({
        queryKey: carryKeys.pending(id),
        queryFn: () => carryApi.pending(id),
      });
      if (Object.keys(left.items).length === 0) navigate(`/assessments/${id}/fill`);
    },
  });
  const failed = assessment.error ?? form.error ?? pending.error;
  if (failed) return <ProblemAlert error={failed} />;
  if (!assessment.data || !form.data || !pending.data || !places) return <Loading />;
  const items = Object.entries(pending.data.items);
  const scales = form.data.definition.scales;
  return (
    <div className="zp-page zp-carry">
      <h1>{t('carry.confirmTitle')}</h1>
      {pending.data.source ? (
        <p className="zp-muted">{t('carry.confirmFrom', { title: pending.data.source.title })}</p>
      ) : null}
      {items.length === 0 ? (
        <Alert type="success" showIcon message={t('carry.allConfirmed')} />
      ) : (
        <Alert type="warning" showIcon message={t('carry.confirmWhy', { n: items.length })} />
      )}
      <ul className="zp-carry-confirm">
        {items.map(([item, value]) => {
          const place = places.get(item);
          if (!place) return null;
          const label = textOf(place.item.label ?? place.item.prompt, locale);
          return (
            <li key={item}>
              <Checkbox
                checked={chosen.includes(item)}
                onChange={(e) =>
                  setChosen((c) => (e.target.checked ? [...c, item] : c.filter((x) => x !== item)))
                }
              >
                {label}
              </Checkbox>
              <div className="zp-carry-value">
                {t('carry.carriedValue')}
                {t('app.colon')}
                <strong>{answerText(place.item, value, { scales, locale })}</strong>{' '}
                <Link to={`/assessments/${id}/fill?item=${encodeURIComponent(item)}`}>
                  {t('carry.answerAfresh')}
                </Link>
              </div>
            </li>
          );
        })}
      </ul>
      {confirm.isError ? <ProblemAlert error={confirm.error} /> : null}
      <Space wrap className="zp-section">
        <Button
          disabled={chosen.length === 0}
          loading={confirm.isPending && chosen.length > 0}
          onClick={() => confirm.mutate(chosen)}
        >
          {t('carry.confirmChosen', { n: chosen.length })}
        </Button>
        <Button
          type="primary"
          disabled={items.length === 0}
          loading={confirm.isPending && chosen.length === 0}
          onClick={() => confirm.mutate(items.map(([k]) => k))}
        >
          {t('carry.confirmAll')}
        </Button>
        <Link to={`/assessments/${id}/fill`}>{t('carry.later')}</Link>
      </Space>
    </div>
  );
}
