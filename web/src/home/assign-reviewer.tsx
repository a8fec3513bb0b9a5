import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import { keys } from '../api/queries.ts';
import type { AssessmentSummary, User } from '../api/types.ts';
import { useT } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';

/** Choose a reviewer for one submitted assessment and assign them. */
export function AssignReviewer({
  assessment,
  reviewers,
}: {
  assessment: AssessmentSummary;
  reviewers: User[];
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [reviewer, setReviewer] = useState<string | undefined>(reviewers[0]?.id);
  const assign = useMutation({
    mutationFn: (id: string) => api.assign(assessment.id, id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.adminAssessments }),
  });
  return (
    <Space orientation="vertical" size={4}>
      <Space.Compact>
        <Select
          aria-label={`${t('home.assignTo')}${t('app.colon')}${assessment.title}`}
          placeholder={t('home.assignTo')}
          value={reviewer ?? reviewers[0]?.id}
          onChange={setReviewer}
          style={{ minWidth: 140 }}
          options={reviewers.map((r) => ({ value: r.id, label: r.name }))}
        />
        <Button
          type="primary"
          disabled={!(reviewer ?? reviewers[0]?.id)}
          loading={assign.isPending}
          onClick={() => {
            const id = reviewer ?? reviewers[0]?.id;
            if (id) assign.mutate(id);
          }}
        >
          {assign.isSuccess ? t('home.assigned') : t('home.assign')}
        </Button>
      </Space.Compact>
      {assign.isError ? <ProblemAlert error={assign.error} /> : null}
    </Space>
  );
}
