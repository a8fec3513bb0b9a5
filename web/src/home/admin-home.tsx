import { useQuery } from '@tanstack/react-query';
import { Table, Tabs, Tag } from 'antd';
import { api } from '../api/endpoints.ts';
import { keys, useForms } from '../api/queries.ts';
import type { DefinitionSummary, User } from '../api/types.ts';
import { useLocale } from '../i18n/locale.tsx';
import { ProblemAlert } from '../shared/problem-alert.tsx';
import { formatTime } from '../shared/text.ts';
import { AssessmentTable } from './assessment-table.tsx';
import { AssignReviewer } from './assign-reviewer.tsx';
import { PublishDefinition } from './publish-definition.tsx';

/** Administration: assessments waiting for a reviewer first, then definitions and users. */
export function AdminHome() {
  const { locale, t } = useLocale();
  const submitted = useQuery({ queryKey: keys.adminAssessments, queryFn: api.adminAssessments });
  const users = useQuery({ queryKey: keys.users, queryFn: api.users });
  const forms = useForms();
  const reviewers = (users.data ?? []).filter((u) => u.role === 'reviewer');
  const awaiting = (submitted.data ?? []).filter((a) => a.status === 'submitted');
  return (
    <div className="zp-page">
      <Tabs
        items={[
          {
            key: 'awaiting',
            label: `${t('home.awaiting')} (${awaiting.length})`,
            children: (
              <>
                {submitted.isError ? <ProblemAlert error={submitted.error} /> : null}
                <AssessmentTable
                  rows={awaiting}
                  loading={submitted.isPending}
                  empty={t('home.emptyAwaiting')}
                  href={(a) => `/assessments/${a.id}/results`}
                  showOrganisation
                  actions={(a) => <AssignReviewer assessment={a} reviewers={reviewers} />}
                />
              </>
            ),
          },
          {
            key: 'definitions',
            label: t('home.definitions'),
            children: (
              <>
                {forms.isError ? <ProblemAlert error={forms.error} /> : null}
                <Table<DefinitionSummary>
                  rowKey="ref"
                  size="small"
                  loading={forms.isPending}
                  dataSource={forms.data ?? []}
                  pagination={false}
                  scroll={{ x: 700 }}
                  columns={[
                    { title: t('col.title'), dataIndex: 'title' },
                    { title: t('col.family'), dataIndex: 'family', width: 160 },
                    { title: t('col.version'), dataIndex: 'version', width: 90 },
                    { title: t('home.items', { n: '' }).trim(), dataIndex: 'items', width: 70 },
                    {
                      title: '',
                      key: 'builtin',
                      width: 80,
                      render: (_, d) => (d.builtin ? <Tag>builtin</Tag> : null),
                    },
                    {
                      title: t('col.updated'),
                      key: 'at',
                      width: 150,
                      render: (_, d) => formatTime(d.publishedAt, locale),
                    },
                  ]}
                />
                <PublishDefinition />
              </>
            ),
          },
          {
            key: 'users',
            label: t('home.users'),
            children: (
              <>
                {users.isError ? <ProblemAlert error={users.error} /> : null}
                <Table<User>
                  rowKey="id"
                  size="small"
                  loading={users.isPending}
                  dataSource={users.data ?? []}
                  pagination={false}
                  scroll={{ x: 700 }}
                  columns={[
                    { title: t('col.name'), dataIndex: 'name' },
                    { title: t('col.email'), dataIndex: 'email' },
                    { title: t('col.role'), key: 'role', render: (_, u) => t(`role.${u.role}`) },
                    {
                      title: t('col.organisation'),
                      key: 'org',
                      render: (_, u) => u.organisation.name,
                    },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
