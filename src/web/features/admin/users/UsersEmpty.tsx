import { EmptyState } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../ui/icons.tsx';

export function UsersEmpty({ search }: { search: string }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      mt="lg"
      icon={<Icon name="users" size={28} />}
      withIndicatorBackground
      title={search ? t('admin.users.noMatchTitle') : t('admin.users.emptyTitle')}
      description={search ? t('admin.users.noMatch', { search }) : t('admin.users.empty')}
      data-testid="users-empty"
    />
  );
}
