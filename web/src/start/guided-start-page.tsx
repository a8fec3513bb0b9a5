import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { type Answers, type Audience, type Locale, textOf } from '@zhiping/forms';
import { Button, Card, Radio, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/endpoints.ts';
import { keys, useForms, useMe } from '../api/queries.ts';
import { useStartGuide } from '../carry-over/api.ts';
import { type Translate, useLocale } from '../i18n/locale.tsx';
import { Loading } from '../shared/loading.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import {
  guessPlace,
  planStart,
  type Reason,
  type Recommendation,
  type StartQuestion,
} from './recommend.ts';

const AUDIENCES = ['enterprise', 'city'] as const satisfies readonly Audience[];
const ELSEWHERE = '';

function reasonText(r: Reason, t: Translate, locale: Locale): string {
  switch (r.key) {
    case 'rec.because':
      return textOf(r.text, locale);
    case 'rec.primary':
      return t(r.key);
    case 'rec.related':
      return t(r.key, { family: t(`family.${r.family}`) });
    case 'rec.older':
      return t(r.key, { year: r.year ?? '' });
    case 'rec.regional':
      return t(r.key, { place: r.place });
  }
}

/** One of the questionnaires' own profile questions (or the guide's), worded as they word it. */
function ProfileQuestion(p: {
  item: StartQuestion;
  value: unknown;
  onChange: (v: boolean) => void;
  locale: Locale;
  t: Translate;
}) {
  const name = `q-${p.item.id.replace(/\./g, '_')}`;
  return (
    <div className="zp-start-q" role="radiogroup" aria-labelledby={`${name}-label`}>
      <span id={`${name}-label`} className="zp-prompt">
        {textOf(p.item.prompt, p.locale)}
      </span>
      <Radio.Group name={name} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
        <Radio value={true}>{p.t('answer.yes')}</Radio>
        <Radio value={false}>{p.t('answer.no')}</Radio>
      </Radio.Group>
    </div>
  );
}

/**
 * "Which questionnaire is mine?": who the organisation is, where, and the
 * questionnaires' own profile questions; then the suggestions, read from the
 * published definitions (recommend.ts), and one-click creation with the
 * answers already given.
 */
export default function GuidedStartPage() {
  const { locale, t } = useLocale();
  const me = useMe().data;
  const forms = useForms();
  const guide = useStartGuide();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [audience, setAudience] = useState<Audience>(
    me?.organisation.kind === 'city' ? 'city' : 'enterprise',
  );
  const [place, setPlace] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const candidates = (forms.data ?? []).filter((d) => d.audience.includes(audience));
  const details = useQueries({
    queries: candidates.map((d) => ({
      queryKey: keys.form(d.ref),
      queryFn: () => api.form(d.ref),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
  const loaded = details.every((q) => q.data) && !guide.isPending;
  const definitions = details.flatMap((q) => (q.data ? [q.data.definition] : []));
  const plan = planStart(definitions, audience, guide.data);
  const where = place ?? guessPlace(plan.places, me?.organisation.region) ?? ELSEWHERE;
  const recs = plan.recommend({ place: where || undefined, answers });
  const create = useMutation({
    mutationFn: (r: Recommendation) =>
      api.createAssessment({ definition: r.definition, answers: r.answers }),
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: keys.assessments });
      queryClient.setQueryData(keys.assessment(a.id), a);
      navigate(`/assessments/${a.id}/fill`);
    },
  });
  const failed = forms.error ?? guide.error ?? details.find((q) => q.isError)?.error;
  return (
    <div className="zp-page zp-start">
      <h1>{t('start.title')}</h1>
      <p className="zp-muted">{t('start.intro')}</p>
      {failed ? <ProblemAlert error={failed} /> : null}
      <div className="zp-start-grid">
        <section className="zp-start-questions" aria-label={t('start.title')}>
          <div className="zp-start-q" role="radiogroup" aria-labelledby="kind-label">
            <span id="kind-label" className="zp-prompt">
              {t('start.orgKind')}
            </span>
            <Radio.Group
              name="kind"
              value={audience}
              onChange={(e) => {
                setAudience(e.target.value);
                setAnswers({});
              }}
            >
              {AUDIENCES.map((a) => (
                <Radio key={a} value={a}>
                  {t(`orgKind.${a}`)}
                </Radio>
              ))}
            </Radio.Group>
          </div>
          {plan.questions.map((item) => (
            <ProfileQuestion
              key={item.id}
              item={item}
              value={answers[item.id]}
              onChange={(v) => setAnswers((a) => ({ ...a, [item.id]: v }))}
              locale={locale}
              t={t}
            />
          ))}
          {plan.places.length > 0 ? (
            <div className="zp-start-q" role="radiogroup" aria-labelledby="region-label">
              <span id="region-label" className="zp-prompt">
                {t('start.region')}
              </span>
              <Radio.Group name="region" value={where} onChange={(e) => setPlace(e.target.value)}>
                {plan.places.map((p) => (
                  <Radio key={p} value={p}>
                    {p}
                  </Radio>
                ))}
                <Radio value={ELSEWHERE}>{t('start.region.other')}</Radio>
              </Radio.Group>
            </div>
          ) : null}
        </section>
        <section aria-labelledby="recs-title" className="zp-start-recs" aria-live="polite">
          <h2 id="recs-title">{t('start.recommended')}</h2>
          {create.isError ? <ProblemAlert error={create.error} /> : null}
          {!loaded ? <Loading /> : null}
          {loaded && recs.length === 0 ? <p>{t('start.none')}</p> : null}
          {recs.map((r) => (
            <Card key={r.definition} size="small" className="zp-rec">
              <div className="zp-row-between">
                <strong>{textOf(r.title, locale)}</strong>
                <Tag color={r.primary ? 'blue' : 'default'}>
                  {r.primary ? t('start.recommended') : t('start.also')}
                </Tag>
              </div>
              {r.reasons.map((x) => (
                <p key={x.key === 'rec.because' ? textOf(x.text) : x.key}>
                  {reasonText(x, t, locale)}
                </p>
              ))}
              <Button
                type={r.primary ? 'primary' : 'default'}
                loading={create.isPending && create.variables?.definition === r.definition}
                onClick={() => create.mutate(r)}
              >
                {t('start.create')}
              </Button>
            </Card>
          ))}
        </section>
      </div>
    </div>
  );
}
