/** Importing outside history into a series: a CSV of counts per interval, or the bank's per-call records. */
import {
  Button,
  Card,
  FileInput,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useSession } from '../auth/session.tsx';
import { type IntervalMinutes, uploadHistory, workforceKeys } from './api.ts';
import { useWorkforceT } from './i18n.ts';

export const CHANNELS = ['voice', 'chat', 'email', 'callback', 'sms', 'whatsapp', 'messenger', 'webform'];
const KEY = /^[a-z0-9][a-z0-9_-]{0,79}$/;

export function ImportCard() {
  const t = useWorkforceT();
  const { csrfToken } = useSession();
  const queryClient = useQueryClient();
  const [queueKey, setQueueKey] = useState('');
  const [channel, setChannel] = useState('voice');
  const [interval, setInterval] = useState<IntervalMinutes>(30);
  const [format, setFormat] = useState<'csv' | 'bank'>('csv');
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: () =>
      uploadHistory(file!, format, { queueKey, channel, intervalMinutes: interval }, csrfToken),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workforceKeys.series }),
  });
  const keyError = queueKey !== '' && !KEY.test(queueKey);
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={4} mb="sm">
        {t('import.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file && !keyError && queueKey) upload.mutate();
        }}
      >
        <Stack gap="sm">
          <Group grow>
            <TextInput
              label={t('series.queue')}
              value={queueKey}
              onChange={(e) => setQueueKey(e.currentTarget.value.trim().toLowerCase())}
              error={keyError ? 'a-z 0-9 _ -' : undefined}
              required
              data-testid="import-queue"
            />
            <Select
              label={t('series.channel')}
              data={CHANNELS}
              value={channel}
              onChange={(v) => setChannel(v ?? 'voice')}
              allowDeselect={false}
            />
            <Select
              label={t('series.interval')}
              data={['15', '30', '60'].map((m) => ({ value: m, label: t('series.minutes', { minutes: m }) }))}
              value={String(interval)}
              onChange={(v) => setInterval(Number(v ?? 30) as IntervalMinutes)}
              allowDeselect={false}
            />
          </Group>
          <SegmentedControl
            aria-label={t('import.format')}
            value={format}
            onChange={(v) => setFormat(v as 'csv' | 'bank')}
            data={[
              { value: 'csv', label: t('import.csv') },
              { value: 'bank', label: t('import.bank') },
            ]}
          />
          <FileInput
            label={t('import.file')}
            accept={format === 'csv' ? '.csv,text/csv' : '.tsv,.txt,text/tab-separated-values'}
            value={file}
            onChange={setFile}
            required
            data-testid="import-file"
          />
          {upload.error && <ErrorAlert error={upload.error} />}
          {upload.data && (
            <Text size="sm" c="teal" role="status" data-testid="import-done">
              {t('import.done', {
                intervals: upload.data.intervals,
                volume: Math.round(upload.data.volume).toLocaleString(),
              })}
            </Text>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={upload.isPending} disabled={!file || !queueKey || keyError}>
              {t('import.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
