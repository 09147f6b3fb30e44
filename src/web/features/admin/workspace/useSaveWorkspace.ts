import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys, workspace } from '../../../api/endpoints.ts';

/** Saves workspace changes; the session's copy of the workspace (name, zone) is refreshed too. */
export function useSaveWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: workspace.update,
    onSuccess: async (settings) => {
      queryClient.setQueryData(queryKeys.workspace, settings);
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
