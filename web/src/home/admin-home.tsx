import { AdminDashboard } from './admin-dashboard.tsx';

/** The admin's home: the dashboard, each figure leading into the admin workspace (web/src/admin). */
export function AdminHome() {
  return <AdminDashboard />;
}
