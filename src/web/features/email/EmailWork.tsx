/** An e-mail interaction at work: subject, reference and due-time countdown, the thread, the composer. */
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { LoadingLines, QueryView } from '../../ui/QueryView.tsx';
import { emailApi, emailKeys } from './api.ts';
import { Composer } from './Composer.tsx';
import { DueCountdown } from './DueCountdown.tsx';
import { useEmailT } from './i18n.ts';
import { ThreadView } from './ThreadView.tsx';

export function EmailWork({
  interactionId,
  onEnd,
  onSent,
}: {
  interactionId: string;
  onEnd?: () => void;
  onSent?: (notice: string) => void;
}) {
  const t = useEmailT();
  const conversation = useQuery({
    queryKey: emailKeys.conversation(interactionId),
    queryFn: () => emailApi.conversation(interactionId),
    refetchInterval: 30_000,
  });
  return (
    <QueryView query={conversation} loading={<LoadingLines lines={6} />}>
      {(c) => (
        <Stack gap="sm" data-testid="email-work">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Title order={4}>{c.subject || t('desk.noSubject')}</Title>
              <Group gap="xs">
                <Badge variant="outline">{t('thread.reference', { reference: c.reference })}</Badge>
                <Text size="xs" c="dimmed">
                  {c.mailbox.name} · {c.mailbox.address}
                </Text>
              </Group>
            </Stack>
            <DueCountdown conversation={c} />
          </Group>
          <ThreadView messages={c.messages} />
          <Composer
            key={c.id}
            conversation={c}
            {...(onEnd ? { onEnd } : {})}
            {...(onSent ? { onSent } : {})}
          />
        </Stack>
      )}
    </QueryView>
  );
}
