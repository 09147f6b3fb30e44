/** Previous/next paging over a cursor-paged list: remembers the cursors of the pages already seen. */
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface CursorPages {
  /** Cursor of the page on screen; null for the first page. */
  cursor: string | null;
  pageNumber: number;
  next: (nextCursor: string) => void;
  previous: () => void;
  reset: () => void;
}

/** Paging state; a new `resetKey` (the search text, say) starts again from the first page. */
export function useCursorPages(resetKey = ''): CursorPages {
  const [state, setState] = useState<{ key: string; stack: (string | null)[] }>({
    key: resetKey,
    stack: [null],
  });
  const stack = state.key === resetKey ? state.stack : [null];
  const update = (change: (stack: (string | null)[]) => (string | null)[]) =>
    setState((current) => ({
      key: resetKey,
      stack: change(current.key === resetKey ? current.stack : [null]),
    }));
  return {
    cursor: stack[stack.length - 1] ?? null,
    pageNumber: stack.length,
    next: (nextCursor) => update((current) => [...current, nextCursor]),
    previous: () => update((current) => (current.length > 1 ? current.slice(0, -1) : current)),
    reset: () => update(() => [null]),
  };
}

export function CursorPager({ pages, nextCursor }: { pages: CursorPages; nextCursor: string | null }) {
  const { t } = useTranslation();
  if (pages.pageNumber === 1 && !nextCursor) return null;
  return (
    <Group justify="flex-end" gap="sm" mt="md">
      <Text size="sm" c="dimmed">
        {t('paging.page', { number: pages.pageNumber })}
      </Text>
      <Button variant="default" size="xs" disabled={pages.pageNumber === 1} onClick={pages.previous}>
        {t('paging.previous')}
      </Button>
      <Button
        variant="default"
        size="xs"
        disabled={!nextCursor}
        onClick={() => nextCursor && pages.next(nextCursor)}
      >
        {t('paging.next')}
      </Button>
    </Group>
  );
}
