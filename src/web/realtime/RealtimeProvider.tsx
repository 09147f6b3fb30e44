/** Keeps the realtime connection for a logged-in tab and refreshes cached data when events arrive. */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { connectRealtime, type RealtimeStatus, realtimeUrl } from './connection.ts';
import { staleKeysFor } from './invalidation.ts';

const StatusContext = createContext<RealtimeStatus>('offline');

/** Follows the user's own topic, and the workspace's when the server allows it. */
export function RealtimeProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RealtimeStatus>('connecting');
  useEffect(() => {
    const own = `user:${userId}`;
    return connectRealtime({
      url: realtimeUrl(),
      topics: [own, 'workspace'],
      essentialTopics: [own],
      onStatus: setStatus,
      onEvent: (event) => {
        for (const queryKey of staleKeysFor(event)) void queryClient.invalidateQueries({ queryKey });
      },
    });
  }, [queryClient, userId]);
  return <StatusContext.Provider value={status}>{children}</StatusContext.Provider>;
}

export function useRealtimeStatus(): RealtimeStatus {
  return useContext(StatusContext);
}
