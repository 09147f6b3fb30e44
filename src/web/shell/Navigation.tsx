/** The side menu: only the sections, and admin pages, the user's permissions open. */
import { Box, NavLink, Stack, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Icon } from '../ui/icons.tsx';
import { type Section, visibleAdminPages, visibleSections } from './nav.ts';

function isActive(pathname: string, path: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

/** A quiet clock beside sections that are not built yet; their pages say so in words. */
function ComingSoonMark({ label }: { label: string }) {
  return (
    <Tooltip label={label} position="right">
      <Box c="dimmed" display="flex" aria-label={label} role="img" data-coming-soon>
        <Icon name="clock" size={14} />
      </Box>
    </Tooltip>
  );
}

export function Navigation({
  permissions,
  onNavigate,
}: {
  permissions: readonly string[];
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const adminPages = visibleAdminPages(permissions);
  const item = (section: Section) => (
    <NavLink
      key={section.key}
      component={Link}
      to={section.path}
      label={t(`nav.${section.key}`)}
      leftSection={<Icon name={section.key} />}
      rightSection={section.available ? undefined : <ComingSoonMark label={t('comingSoon.badge')} />}
      active={isActive(pathname, section.path)}
      onClick={onNavigate}
      data-testid={`nav-${section.key}`}
    />
  );
  return (
    <Stack gap={2} component="nav" aria-label={t('nav.label')}>
      {visibleSections(permissions).map((section) =>
        section.key !== 'admin' ? (
          item(section)
        ) : (
          <NavLink
            key="admin"
            label={t('nav.admin')}
            leftSection={<Icon name="admin" />}
            defaultOpened
            active={isActive(pathname, section.path)}
            variant="subtle"
            data-testid="nav-admin"
          >
            {adminPages.map((page) => (
              <NavLink
                key={page.key}
                component={Link}
                to={page.path}
                label={t(`admin.${page.key}.title`)}
                leftSection={<Icon name={page.key} size={16} />}
                active={isActive(pathname, page.path)}
                onClick={onNavigate}
                data-testid={`nav-admin-${page.key}`}
              />
            ))}
          </NavLink>
        ),
      )}
    </Stack>
  );
}
