/** Admin › Security audit: who did what, when, newest first, a page at a time. */
import { EmptyState } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { audit, queryKeys } from '../../../api/endpoints.ts';
import { CursorPager, useCursorPages } from '../../../ui/cursorPages.tsx';
import { Icon } from '../../../ui/icons.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { QueryView } from '../../../ui/QueryView.tsx';
import { AuditTable } from './AuditTable.tsx';

const PAGE_SIZE = 50;

export function AuditPage() {
  const { t } = useTranslation();
  const pages = useCursorPages();
  const query = useQuery({
    queryKey: queryKeys.auditPage(pages.cursor),
    queryFn: () => audit.list({ limit: PAGE_SIZE, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title={t('admin.audit.title')} description={t('admin.audit.description')} />
      <QueryView
        query={query}
        isEmpty={(page) => page.items.length === 0}
        empty={
          <EmptyState
            mt="lg"
            icon={<Icon name="audit" size={28} />}
            withIndicatorBackground
            title={t('admin.audit.emptyTitle')}
            description={t('admin.audit.empty')}
            data-testid="audit-empty"
          />
        }
      >
        {(page) => (
          <>
            <AuditTable entries={page.items} />
            <CursorPager pages={pages} nextCursor={page.nextCursor} />
          </>
        )}
      </QueryView>
    </>
  );
}
