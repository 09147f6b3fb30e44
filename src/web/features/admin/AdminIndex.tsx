/** /admin: opens the first admin page this user may see. */
import { Navigate } from 'react-router';
import { visibleAdminPages } from '../../shell/nav.ts';
import { NoAccessPage } from '../../shell/RequirePermission.tsx';
import { useSession } from '../auth/session.tsx';

export function AdminIndex() {
  const first = visibleAdminPages(useSession().permissions)[0];
  return first ? <Navigate replace to={first.path} /> : <NoAccessPage />;
}
