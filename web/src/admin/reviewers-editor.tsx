import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminAssessment } from '@zhiping/api/contract';
import { Button, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { adminApi, adminKeys } from './admin-api.ts';

/**
 * The reviewers of one assessment as a multiple choice (stacked over its
 * save button, so the column fits a phone): assign, unassign and
 * reassign are one save of the whole list (the server applies the difference).
 */
export function ReviewersEditor({
  assessment,
  reviewers,
}: {
  assessment: AdminAssessment;
  reviewers: { id: string; name: string }[];
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const current = assessment.reviewers.map((r) => r.id);
  const [chosen, setChosen] = useState<string[]>(current);
  const currentKey = current.join();
  // The list refetched (after a save here, or another admin's): show what is stored now.
  useEffect(() => setChosen(currentKey ? currentKey.split(',') : []), [currentKey]);
  const save = useMutation({
    mutationFn: (ids: string[]) => adminApi.setReviewers(assessment.id, ids),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
  if (assessment.status === 'draft')
    return <span className="zp-muted zp-small">{t('adm.draftClosed')}</span>;
  const known = new Map(reviewers.map((r) => [r.id, r.name]));
  // Reviewers assigned but no longer listed (disabled) still show by name.
  for (const r of assessment.reviewers) if (!known.has(r.id)) known.set(r.id, r.name);
  const changed = chosen.length !== current.length || chosen.some((id) => !current.includes(id));
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Select
        mode="multiple"
        aria-label={`${t('adm.editReviewers')}${t('app.colon')}${assessment.title}`}
        placeholder={t('adm.chooseReviewers')}
        value={chosen}
        onChange={setChosen}
        options={[...known].map(([value, label]) => ({ value, label }))}
        optionFilterProp="label"
        style={{ width: '100%' }}
      />
      <Button
        size="small"
        type="primary"
        disabled={!changed}
        loading={save.isPending}
        onClick={() => save.mutate(chosen)}
      >
        {t('adm.saveReviewers')}
      </Button>
      {save.isError ? <ProblemAlert error={save.error} /> : null}
      {save.isSuccess && !changed ? (
        <span className="zp-small" role="status">
          {t('adm.reviewersSaved')}
        </span>
      ) : null}
    </Space>
  );
}
