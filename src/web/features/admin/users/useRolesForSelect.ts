import { useQuery } from '@tanstack/react-query';
import { queryKeys, roles } from '../../../api/endpoints.ts';
import { useRoleOptions } from '../../../ui/options.ts';

/** Role options for user forms; those who may not list roles still get the built-in ones. */
export function useRolesForSelect() {
  const query = useQuery({ queryKey: queryKeys.roles, queryFn: roles.list, retry: false, staleTime: 60_000 });
  return useRoleOptions(query.data?.items);
}
