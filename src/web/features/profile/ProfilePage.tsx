/** The user's own profile: name, language and password. */
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../ui/labels.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useSession } from '../auth/session.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { ProfileForm } from './ProfileForm.tsx';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <>
      <PageHeader title={t('profile.title')} description={`${me.email} · ${roleLabel(t, me.role)}`} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" data-testid="profile">
        <Paper withBorder p="lg" radius="md">
          <Title order={4} mb="md">
            {t('profile.details')}
          </Title>
          <ProfileForm me={me} />
        </Paper>
        <Paper withBorder p="lg" radius="md">
          <Title order={4} mb={4}>
            {t('profile.password')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('profile.passwordHelp')}
          </Text>
          <ChangePasswordForm />
        </Paper>
      </SimpleGrid>
    </>
  );
}
