/** Home: a greeting and the sections this user can open, saying plainly which are still to come. */
import { Badge, Card, Group, Kbd, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { visibleSections } from '../../shell/nav.ts';
import { Icon } from '../../ui/icons.tsx';
import { roleLabel } from '../../ui/labels.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useSession } from '../auth/session.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const me = useSession();
  const sections = visibleSections(me.permissions).filter((section) => section.key !== 'home');
  return (
    <>
      <PageHeader
        title={t('home.greeting', { name: me.name.split(' ')[0] || me.email })}
        description={t('home.subtitle', { workspace: me.workspace.name, role: roleLabel(t, me.role) })}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {sections.map((section) => (
          <Card
            key={section.key}
            withBorder
            padding="lg"
            radius="md"
            component={Link}
            to={section.path}
            data-testid={`home-card-${section.key}`}
          >
            <Group justify="space-between" mb="xs" wrap="nowrap">
              <Group gap="sm" wrap="nowrap">
                <Icon name={section.key} size={22} />
                <Text fw={600}>{t(`nav.${section.key}`)}</Text>
              </Group>
              {!section.available && (
                <Badge size="sm" variant="default" style={{ flexShrink: 0 }}>
                  {t('comingSoon.badge')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t(`home.sections.${section.key}`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {sections.length === 0 && (
        <Text c="dimmed" data-testid="home-empty">
          {t('home.nothingYet')}
        </Text>
      )}
      <Text size="sm" c="dimmed" mt="xl">
        {t('home.shortcutHint')} <Kbd>?</Kbd>
      </Text>
    </>
  );
}
