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

export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      mt="xl"
      icon={<Icon name="lockOff" size={28} />}
      withIndicatorBackground
      title={t('noAccess.title')}
      description={t('noAccess.description')}
      data-testid="no-access"
    >
      <EmptyState.Actions>
        <Button component={Link} to="/" variant="default">
          {t('common.backHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      mt="xl"
      icon={<Icon name="search" size={28} />}
      withIndicatorBackground
      title={t('notFound.title')}
      description={t('notFound.description')}
      data-testid="not-found"
    >
      <EmptyState.Actions>
        <Button component={Link} to="/" variant="default">
          {t('common.backHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
