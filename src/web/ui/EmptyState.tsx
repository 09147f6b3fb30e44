/** What a list shows before it has anything: a title and a sentence on how to add the first one. */
import { Paper, Text, Title } from '@mantine/core';

export function EmptyState({ title, text, testId }: { title: string; text: string; testId?: string }) {
  return (
    <Paper withBorder p="xl" radius="md" data-testid={testId}>
      <Title order={4}>{title}</Title>
      <Text c="dimmed">{text}</Text>
    </Paper>
  );
}
