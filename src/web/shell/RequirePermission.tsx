/** Route guard: the page for those who hold one of `anyOf`, a plain "no access" page for everyone else. */
import { Button, EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Permission } from '../api/types.ts';
import { useSession } from '../features/auth/session.tsx';
import { Icon } from '../ui/icons.tsx';
import { allows } from './nav.ts';

export function RequirePermission({
  anyOf,
  children,
}: {
  anyOf: readonly Permission[];
  children: ReactNode;
}) {
  const { permissions } = useSession();
  return allows(permissions, anyOf) ? children : <NoAccessPage />;
}

/** A page that cannot be shown, with the way back home. */
function DeadEnd({ icon, page }: { icon: 'lockOff' | 'search'; page: 'noAccess' | 'notFound' }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      mt="xl"
      icon={<Icon name={icon} size={28} />}
      withIndicatorBackground
      title={t(`${page}.title`)}
      description={t(`${page}.description`)}
      data-testid={page === 'noAccess' ? 'no-access' : 'not-found'}
    >
      <EmptyState.Actions>
        <Button component={Link} to="/" variant="default">
          {t('common.backHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

export const NoAccessPage = () => <DeadEnd icon="lockOff" page="noAccess" />;

export const NotFoundPage = () => <DeadEnd icon="search" page="notFound" />;
