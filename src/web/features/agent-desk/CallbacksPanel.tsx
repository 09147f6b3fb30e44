/** The call-back work queue: number and window, record the call and its outcome, or move the window. */
import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryView } from '../../ui/QueryView.tsx';
import { type Callback, deskApi } from './api.ts';
import { type DeskKey, useDeskT } from './i18n.ts';

export const OUTCOMES = ['reached', 'no_answer', 'wrong_number', 'voicemail'] as const;

export const fmtWindow = (s: string) =>
  new Date(s).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });

export function CallbacksPanel({ onError }: { onError: (e: Error) => void }) {
  const t = useDeskT();
  const list = useQuery({
    queryKey: ['desk', 'callbacks'],
    queryFn: deskApi.callbacks,
    refetchInterval: 30_000,
  });
  return (
    <QueryView
      query={list}
      isEmpty={(d) => d.items.length === 0}
      empty={<Text c="dimmed">{t('callbacks.empty')}</Text>}
    >
      {(d) => (
        <Table data-testid="callbacks">
          <Table.Tbody>
            {d.items.map((c) => (
              <CallbackRow key={c.id} callback={c} onChanged={() => void list.refetch()} onError={onError} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryView>
  );
}

interface RowProps {
  callback: Callback;
  onChanged: () => void;
  onError: (e: Error) => void;
}

function CallbackRow(props: RowProps) {
  const c = props.callback;
  const t = useDeskT();
  return (
    <Table.Tr data-testid="callback-row">
      <Table.Td>
        <Stack gap={0}>
          <Text fw={600}>{c.phone}</Text>
          <Text size="xs" c="dimmed">
            {c.reference} · {c.note}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {t('callbacks.window')}: {fmtWindow(c.windowStart)} – {fmtWindow(c.windowEnd)}
        </Text>
        {c.due && <Badge color="orange">{t('callbacks.due')}</Badge>}
      </Table.Td>
      <Table.Td>
        {c.state === 'scheduled' ? (
          <CallbackActions {...props} />
        ) : (
          <Badge variant="light">{t('callbacks.inRouting')}</Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Record the outcome of a call placed from the list, or move its window an hour later. */
function CallbackActions({ callback: c, onChanged, onError }: RowProps) {
  const t = useDeskT();
  const [outcome, setOutcome] = useState<string | null>(null);
  const later = () => {
    const shift = 60 * 60_000;
    deskApi
      .reschedule(
        c.id,
        new Date(new Date(c.windowStart).getTime() + shift).toISOString(),
        new Date(new Date(c.windowEnd).getTime() + shift).toISOString(),
      )
      .then(onChanged, onError);
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        aria-label={t('callbacks.outcome')}
        placeholder={t('callbacks.outcome')}
        data={OUTCOMES.map((o) => ({ value: o, label: t(`callbacks.outcomes.${o}` as DeskKey) }))}
        value={outcome}
        onChange={setOutcome}
        w={170}
      />
      <Button
        size="xs"
        disabled={!outcome}
        onClick={() => outcome && deskApi.callbackOutcome(c.id, outcome, '').then(onChanged, onError)}
      >
        {t('callbacks.done')}
      </Button>
      <Button size="xs" variant="default" onClick={later}>
        {t('callbacks.reschedule')} +1h
      </Button>
    </Group>
  );
}
