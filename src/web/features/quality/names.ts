/** People's names for ids, for those who may read users; others see a short id. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { users } from '../../api/endpoints.ts';
import { useCan } from '../auth/session.tsx';

export function useNames(): (id: string | null) => string {
  const can = useCan();
  const people = useQuery({
    queryKey: ['users', 'all'],
    queryFn: () => users.list({ limit: 200 }),
    enabled: can('users.read'),
  });
  const names = useMemo(() => new Map((people.data?.items ?? []).map((u) => [u.id, u.name])), [people.data]);
  return (id) => (id === null ? '—' : (names.get(id) ?? id.slice(-8)));
}
