/** The honest page for a section that is not built yet: it says so, and names the section. */
import { Badge, EmptyState } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SectionKey } from '../../shell/nav.ts';
import { Icon } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

export function ComingSoonPage({ section }: { section: Exclude<SectionKey, 'home' | 'admin'> }) {
  const { t } = useTranslation();
  const name = t(`nav.${section}`);
  return (
    <>
      <PageHeader title={name} />
      <EmptyState
        mt="xl"
        variant="light"
        icon={<Icon name={section} size={30} />}
        title={t('comingSoon.title', { section: name })}
        description={t('comingSoon.description', { section: name })}
        data-testid="coming-soon"
      >
        <EmptyState.Actions>
          <Badge variant="default" size="lg">
            {t('comingSoon.badge')}
          </Badge>
        </EmptyState.Actions>
      </EmptyState>
    </>
  );
}
