import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Radio, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/endpoints.ts';
import { keys, useForms, useMe } from '../api/queries.ts';
import type { User } from '../api/types.ts';
import { useT } from '../i18n/locale.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { type Profile, type Recommendation, type Region, recommend } from './recommend.ts';

/** A first guess from the organisation on record, which the user can change. */
function initialProfile(user: User | null | undefined): Profile {
  const region = user?.organisation.region ?? '';
  const guess: Region = region.includes('北京')
    ? 'beijing'
    : region.includes('深圳')
      ? 'shenzhen'
      : region.includes('浙江')
        ? 'zhejiang'
        : 'other';
  return { kind: user?.organisation.kind === 'city' ? 'city' : 'enterprise', region: guess };
}

function YesNo(p: {
  name: string;
  label: MessageKey;
  value: boolean | undefined;
  onChange: (v: boolean) => void;
}) {
  const t = useT();
  return (
    <div className="zp-start-q" role="radiogroup" aria-labelledby={`${p.name}-label`}>
      <span id={`${p.name}-label`} className="zp-prompt">
        {t(p.label)}
      </span>
      <Radio.Group name={p.name} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
        <Radio value={true}>{t('start.yes')}</Radio>
        <Radio value={false}>{t('start.no')}</Radio>
      </Radio.Group>
    </div>
  );
}

/** "Which questionnaire is mine?": a few questions, the recommendation, and one-click creation. */
export default function GuidedStartPage() {
  const t = useT();
  const me = useMe().data;
  const forms = useForms();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [profile, setProfile] = useState<Profile>(() => initialProfile(me));
  const set = (patch: Partial<Profile>) => setProfile((p) => ({ ...p, ...patch }));
  const create = useMutation({
    mutationFn: (r: Recommendation) =>
      api.createAssessment({ definition: r.definition, answers: r.answers }),
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: keys.assessments });
      queryClient.setQueryData(keys.assessment(a.id), a);
      navigate(`/assessments/${a.id}/fill`);
    },
  });
  const published = new Map((forms.data ?? []).map((d) => [d.id, d]));
  const recs = recommend(profile);
  const regions: Region[] = ['beijing', 'shenzhen', 'zhejiang', 'other'];
  return (
    <div className="zp-page zp-start">
      <h1>{t('start.title')}</h1>
      <p className="zp-muted">{t('start.intro')}</p>
      <div className="zp-start-grid">
        <section className="zp-start-questions" aria-label={t('start.title')}>
          <div className="zp-start-q" role="radiogroup" aria-labelledby="kind-label">
            <span id="kind-label" className="zp-prompt">
              {t('start.orgKind')}
            </span>
            <Radio.Group
              name="kind"
              value={profile.kind}
              onChange={(e) => set({ kind: e.target.value })}
            >
              <Radio value="enterprise">{t('start.kind.enterprise')}</Radio>
              <Radio value="city">{t('start.kind.city')}</Radio>
            </Radio.Group>
          </div>
          {profile.kind === 'enterprise' ? (
            <>
              <YesNo
                name="manufactures"
                label="start.manufactures"
                value={profile.manufactures}
                onChange={(v) => set({ manufactures: v })}
              />
              <YesNo
                name="exports"
                label="start.exports"
                value={profile.exports}
                onChange={(v) => set({ exports: v })}
              />
              <YesNo
                name="rnd"
                label="start.rnd"
                value={profile.rnd}
                onChange={(v) => set({ rnd: v })}
              />
              <YesNo
                name="cert"
                label="start.certified2013"
                value={profile.certified2013}
                onChange={(v) => set({ certified2013: v })}
              />
            </>
          ) : (
            <YesNo
              name="demo"
              label="start.demoCity"
              value={profile.demoCity}
              onChange={(v) => set({ demoCity: v })}
            />
          )}
          <div className="zp-start-q" role="radiogroup" aria-labelledby="region-label">
            <span id="region-label" className="zp-prompt">
              {t('start.region')}
            </span>
            <Radio.Group
              name="region"
              value={profile.region}
              onChange={(e) => set({ region: e.target.value })}
            >
              {regions.map((r) => (
                <Radio key={r} value={r}>
                  {t(`start.region.${r}`)}
                </Radio>
              ))}
            </Radio.Group>
          </div>
        </section>
        <section aria-labelledby="recs-title" className="zp-start-recs" aria-live="polite">
          <h2 id="recs-title">{t('start.recommended')}</h2>
          {create.isError ? <ProblemAlert error={create.error} /> : null}
          {recs.length === 0 ? <p>{t('start.none')}</p> : null}
          {recs.map((r) => {
            const d = published.get(r.definition);
            return (
              <Card key={r.definition} size="small" className="zp-rec">
                <div className="zp-row-between">
                  <strong>{d?.title ?? r.definition}</strong>
                  <Tag color={r.primary ? 'blue' : 'default'}>
                    {r.primary ? t('start.recommended') : t('start.also')}
                  </Tag>
                </div>
                <p>{t(r.reason)}</p>
                <Button
                  type={r.primary ? 'primary' : 'default'}
                  disabled={!d}
                  loading={create.isPending && create.variables?.definition === r.definition}
                  onClick={() => create.mutate(r)}
                >
                  {d ? t('start.create') : t('start.unavailable')}
                </Button>
              </Card>
            );
          })}
        </section>
      </div>
    </div>
  );
}
