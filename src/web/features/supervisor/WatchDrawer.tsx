/** Silent watch of one interaction, and a private note (whisper) to its agent. */
import { Alert, Button, Drawer, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { QueryView } from '../../ui/QueryView.tsx';
import { analyticsApi, analyticsKeys } from './api.ts';
import { useSupervisorT } from './i18n.ts';

export function WatchDrawer({
  interactionId,
  onClose,
}: {
  interactionId: string | null;
  onClose: () => void;
}) {
  const t = useSupervisorT();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const query = useQuery({
    queryKey: analyticsKeys.watch(interactionId ?? ''),
    queryFn: () => analyticsApi.watch(interactionId!),
    enabled: interactionId !== null,
    refetchInterval: 2000,
  });
  const whisper = useMutation({
    mutationFn: () => analyticsApi.whisper(interactionId!, note),
    onSuccess: () => {
      setNote('');
      void client.invalidateQueries({ queryKey: analyticsKeys.watch(interactionId!) });
    },
  });
  return (
    <Drawer
      opened={interactionId !== null}
      onClose={onClose}
      title={t('watch.title')}
      position="right"
      size="md"
    >
      <QueryView query={query}>
        {(data) => (
          <Stack gap="xs">
            {data.messages.length === 0 && <Text c="dimmed">{t('watch.noMessages')}</Text>}
            {data.messages.map((m) => (
              <Alert
                key={m.id}
                color={m.direction === 'internal' ? 'yellow' : m.direction === 'inbound' ? 'gray' : 'blue'}
              >
                {m.direction === 'internal' && (
                  <Text size="xs" fw={700}>
                    {t('watch.internal')}
                  </Text>
                )}
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {m.body}
                </Text>
              </Alert>
            ))}
            <Textarea
              label={t('watch.whisper')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={4000}
              autosize
              minRows={2}
            />
            {whisper.isError && <ErrorAlert error={whisper.error} />}
            <Button
              onClick={() => whisper.mutate()}
              disabled={note.trim() === ''}
              loading={whisper.isPending}
            >
              {t('watch.send')}
            </Button>
          </Stack>
        )}
      </QueryView>
    </Drawer>
  );
}
