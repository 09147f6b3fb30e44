/**
 * The event bus tells readers that a workspace has new events in the log; readers then read the log from
 * their cursor. The log stays the only source of truth, so a lost notification delays, never loses.
 * In-process by default; `createNatsBus` fans notifications out between processes.
 */
export type BusListener = (workspaceId: string) => void;

export interface EventBus {
  notify(workspaceId: string): void;
  subscribe(listener: BusListener): () => void;
  close(): Promise<void>;
}

export function createLocalBus(): EventBus {
  const listeners = new Set<BusListener>();
  return {
    notify(workspaceId) {
      for (const l of listeners) l(workspaceId);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}
