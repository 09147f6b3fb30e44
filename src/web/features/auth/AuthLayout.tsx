/** The frame of the pages before login: a centred card with the language and theme switches. */
import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { ThemeToggle } from '../../ui/ThemeToggle.tsx';

export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  useDocumentTitle(`${title} · Atiende`);
  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Group justify="flex-end" p="md" gap="sm">
        <LanguageSwitch />
        <ThemeToggle />
      </Group>
      <Center px="md" pb="xl">
        <Stack w="100%" maw={400} gap="lg">
          <Stack gap={4} align="center">
            <Text fw={800} size="xl" c="teal">
              Atiende
            </Text>
            <Title order={2} ta="center">
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" ta="center" size="sm">
                {subtitle}
              </Text>
            )}
          </Stack>
          <Paper withBorder shadow="sm" p="xl" radius="md">
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
