import { Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useMe } from '../api/queries.ts';
import { useT } from '../i18n/locale.tsx';
import { Loading } from '../shared/loading.tsx';
import { AssessmentsTab } from './assessments-tab.tsx';
import { AuditTab } from './audit-tab.tsx';
import { OrganisationsTab } from './organisations-tab.tsx';
import { UsersTab } from './users-tab.tsx';

// The definitions tab carries the questionnaire (for the preview) and the YAML parser.
const DefinitionsTab = lazy(() => import('./definitions-tab.tsx'));

const TABS = ['assessments', 'organisations', 'users', 'definitions', 'audit'] as const;
type Tab = (typeof TABS)[number];
const isTab = (s: string | undefined): s is Tab => TABS.some((t) => t === s);

/** The admin's workspace: one tab per list, the tab in the URL (/admin/<tab>?filters). */
export default function AdminPage() {
  const t = useT();
  const me = useMe().data;
  const { tab } = useParams();
  const navigate = useNavigate();
  if (!me) return <Loading />;
  if (me.role !== 'admin') return <Navigate to="/" replace />;
  if (!isTab(tab)) return <Navigate to="/admin/assessments" replace />;
  const body: Record<Tab, () => React.ReactNode> = {
    assessments: () => <AssessmentsTab />,
    organisations: () => <OrganisationsTab />,
    users: () => <UsersTab />,
    definitions: () => (
      <Suspense fallback={<Loading />}>
        <DefinitionsTab />
      </Suspense>
    ),
    audit: () => <AuditTab />,
  };
  return (
    <div className="zp-page">
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(`/admin/${k}`)}
        items={TABS.map((k) => ({
          key: k,
          label: t(`adm.tab.${k}`),
          children: k === tab ? body[k]() : null,
        }))}
      />
    </div>
  );
}
