/** Loading, error, empty and ready states of one query, so every screen handles all four. */
import { Skeleton, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';

interface QueryViewProps<T> {
  query: UseQueryResult<T>;
  /** When it answers true, `empty` is shown instead of the children. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** Shown while loading; three skeleton lines by default. */
  loading?: ReactNode;
  children: (data: T) => ReactNode;
}

export function QueryView<T>({ query, isEmpty, empty, loading, children }: QueryViewProps<T>) {
  if (query.isPending) return loading ?? <LoadingLines />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return empty;
  return children(query.data);
}

export function LoadingLines({ lines = 3 }: { lines?: number }) {
  return (
    <Stack gap="xs" data-testid="loading">
      {Array.from({ length: lines }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={index} height={28} radius="sm" />
      ))}
    </Stack>
  );
}
