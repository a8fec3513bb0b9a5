import { Tag } from 'antd';
import type { AssessmentStatus } from '../api/types.ts';
import { useT } from '../i18n/locale.tsx';

const COLOUR: Record<AssessmentStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  in_review: 'purple',
  returned: 'orange',
  decided: 'green',
};

export function StatusTag({ status }: { status: AssessmentStatus }) {
  const t = useT();
  return <Tag color={COLOUR[status]}>{t(`assessmentStatus.${status}`)}</Tag>;
}
