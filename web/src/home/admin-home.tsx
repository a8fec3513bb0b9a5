import { Navigate } from 'react-router';

/** The admin's home is the admin workspace (web/src/admin), on its first list. */
export function AdminHome() {
  return <Navigate to="/admin/assessments" replace />;
}
