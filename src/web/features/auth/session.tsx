/** The logged-in user: loaded once from /api/v1/me and handed to every screen behind the login. */
import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { me as meApi, queryKeys } from '../../api/endpoints.ts';
import type { Me, Permission } from '../../api/types.ts';
import { applyLanguage } from '../../i18n/index.ts';
import { FullPageError, FullPageLoader } from '../../ui/FullPage.tsx';

const SessionContext = createContext<Me | null>(null);

/** The session query; a 401 resolves to null ("nobody is logged in") instead of failing. */
export function useSessionQuery() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await meApi.get();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    retry: false,
    staleTime: 5 * 60_000,
  });
}

/** Renders its children only for a logged-in user; anyone else goes to the login page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const query = useSessionQuery();
  const location = useLocation();
  const me = query.data;
  useEffect(() => {
    if (me) void applyLanguage(me.language);
  }, [me]);
  if (query.isPending) return <FullPageLoader />;
  if (query.isError) return <FullPageError error={query.error} onRetry={() => void query.refetch()} />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate replace to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} />;
  }
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The logged-in user; only inside RequireSession. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession is only available inside <RequireSession>');
  return me;
}

/** Whether the logged-in user holds a permission. */
export function useCan(): (permission: Permission) => boolean {
  const { permissions } = useSession();
  return (permission) => permissions.includes(permission);
}
