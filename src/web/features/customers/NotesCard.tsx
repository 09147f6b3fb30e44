/** Notes about the customer: write one (it joins the timeline) and read the latest. */
import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDateTime } from '../../ui/format.ts';
import { useSession } from '../auth/session.tsx';
import { customerKeys, customersApi } from './api.ts';
import { useCustomersT } from './i18n.ts';
import { translateError } from './messages.ts';

/** `onAdded` lets a host screen refresh its own view of the timeline (the desk's history). */
export function NotesCard({
  customerId,
  writable,
  onAdded,
}: {
  customerId: string;
  writable: boolean;
  onAdded?: () => void;
}) {
  const t = useCustomersT();
  const me = useSession();
  const formatDate = useDateTime(me.workspace.timeZone);
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const filter = { kind: 'note', channel: null, limit: 10 };
  const notes = useQuery({
    queryKey: customerKeys.timeline(customerId, filter),
    queryFn: () => customersApi.timeline(customerId, filter),
  });
  const add = useMutation({
    mutationFn: () => customersApi.addNote(customerId, body.trim()),
    onSuccess: async () => {
      setBody('');
      await queryClient.invalidateQueries({ queryKey: ['customers', 'timeline', customerId] });
      onAdded?.();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim()) add.mutate();
  };
  return (
    <Card withBorder radius="md" padding="md" data-testid="notes-card">
      <Title order={4} mb="sm">
        {t('notes.title')}
      </Title>
      {writable && (
        <form onSubmit={submit}>
          <Stack gap="xs" mb="md">
            <Textarea
              aria-label={t('notes.title')}
              placeholder={t('notes.placeholder')}
              autosize
              minRows={2}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              onKeyDown={(event) => {
                // Ctrl+Enter saves without leaving the keyboard.
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
              }}
            />
            {add.error && <ErrorAlert error={translateError(t, add.error)} />}
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={add.isPending} disabled={!body.trim()}>
                {t('notes.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {notes.isError && <ErrorAlert error={notes.error} onRetry={() => void notes.refetch()} />}
      {notes.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('notes.empty')}
        </Text>
      )}
      <Stack gap="sm">
        {notes.data?.items.map((note) => (
          <div key={note.id}>
            <Text size="xs" c="dimmed">
              {formatDate(note.at)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {typeof note.payload.body === 'string' ? note.payload.body : note.summary}
            </Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}
