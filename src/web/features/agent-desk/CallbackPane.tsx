/**
 * A call-back routing offered and the agent accepted: the number to call and the window, the customer's
 * history, and the outcome that closes it (and frees the agent).
 */
import { Anchor, Button, Group, Paper, ScrollArea, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { deskApi, type Interaction } from './api.ts';
import { fmtWindow, OUTCOMES } from './CallbacksPanel.tsx';
import { CustomerHistory } from './CustomerPanel.tsx';
import { type DeskKey, useDeskT } from './i18n.ts';

export function CallbackPane({
  interaction: i,
  onDone,
  onError,
}: {
  interaction: Interaction;
  onDone: () => void;
  onError: (e: Error) => void;
}) {
  const t = useDeskT();
  const [outcome, setOutcome] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const phone = String(i.attributes.phone ?? '');
  const record = () => {
    if (!outcome) return;
    setBusy(true);
    deskApi
      .callbackOutcome(i.id, outcome, notes)
      .then(onDone, onError)
      .finally(() => setBusy(false));
  };
  return (
    <Stack gap="sm" data-testid="callback-pane">
      <Paper withBorder p="md">
        <Anchor href={`tel:${phone.replace(/[^+\d]/g, '')}`} fw={700} size="xl">
          {t('callbacks.call', { phone })}
        </Anchor>
        <Text size="sm">
          {t('callbacks.window')}: {fmtWindow(String(i.attributes.windowStart ?? i.createdAt))} –{' '}
          {fmtWindow(String(i.attributes.windowEnd ?? i.createdAt))}
        </Text>
        <Text size="sm" c="dimmed">
          {String(i.attributes.reference ?? '')} · {i.subject}
        </Text>
      </Paper>
      {i.customerId && (
        <ScrollArea h={260} type="auto">
          <CustomerHistory customerId={i.customerId} />
        </ScrollArea>
      )}
      <Group align="flex-end" wrap="nowrap">
        <Select
          label={t('callbacks.outcome')}
          data={OUTCOMES.map((o) => ({ value: o, label: t(`callbacks.outcomes.${o}` as DeskKey) }))}
          value={outcome}
          onChange={setOutcome}
          w={200}
        />
        <Textarea
          label={t('callbacks.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          autosize
          style={{ flex: 1 }}
        />
        <Button disabled={!outcome} loading={busy} onClick={record}>
          {t('callbacks.done')}
        </Button>
      </Group>
    </Stack>
  );
}
