/** The frame around every screen behind the login: header, side navigation and the page itself. */
import { AppShell, Burger, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { me as meApi, queryKeys } from '../api/endpoints.ts';
import type { Language } from '../api/types.ts';
import { useSession } from '../features/auth/session.tsx';
import { RealtimeProvider } from '../realtime/RealtimeProvider.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { LoadingLines } from '../ui/QueryView.tsx';
import { ThemeToggle } from '../ui/ThemeToggle.tsx';
import { useAppShortcuts } from './appShortcuts.ts';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { Navigation } from './Navigation.tsx';
import { ShortcutsModal } from './ShortcutsModal.tsx';
import { UserMenu } from './UserMenu.tsx';
import { useShortcuts } from './useShortcuts.ts';

/** Switching language while logged in also saves it as the user's language. */
function ProfileLanguageSwitch() {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (language: Language) => meApi.update({ language }),
    onSuccess: (me) => queryClient.setQueryData(queryKeys.me, me),
  });
  return <LanguageSwitch onChange={(language) => save.mutate(language)} />;
}

export function AppLayout() {
  const me = useSession();
  const [navOpened, nav] = useDisclosure(false);
  const [helpOpened, help] = useDisclosure(false);
  const shortcuts = useAppShortcuts(me.permissions, help.open);
  useShortcuts(shortcuts);
  return (
    <RealtimeProvider userId={me.id}>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" />
              <Text component={Link} to="/" fw={800} size="lg" c="teal">
                Atiende
              </Text>
              <Text size="sm" c="dimmed" visibleFrom="xs" truncate data-testid="workspace-name">
                {me.workspace.name}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <ConnectionIndicator />
              <ProfileLanguageSwitch />
              <ThemeToggle />
              <UserMenu onShowShortcuts={help.open} />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <AppShell.Section grow component={ScrollArea}>
            <Navigation permissions={me.permissions} onNavigate={nav.close} />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main>
          <Suspense fallback={<LoadingLines />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
      <ShortcutsModal opened={helpOpened} onClose={help.close} shortcuts={shortcuts} />
    </RealtimeProvider>
  );
}
