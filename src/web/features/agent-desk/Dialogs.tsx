/** Transfer (to a queue or an agent, with a note) and wrap-up (disposition and notes). */
import { Button, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { deskApi, type TransferAgent } from './api.ts';
import { type DeskKey, es, useDeskT } from './i18n.ts';

export function TransferDialog({
  id,
  onDone,
  onClose,
  onError,
}: {
  id: string;
  onDone: () => void;
  onClose: () => void;
  onError: (e: Error) => void;
}) {
  const t = useDeskT();
  const queues = useQuery({ queryKey: ['desk', 'queues'], queryFn: deskApi.queues });
  const agents = useQuery({ queryKey: ['desk', 'agents'], queryFn: deskApi.agents, refetchInterval: 10_000 });
  const [queue, setQueue] = useState<string | null>(null);
  const [agent, setAgent] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const submit = () => {
    const to = agent ? { agentId: agent } : queue ? { queueId: queue } : null;
    if (!to) return;
    deskApi.transfer(id, to, note).then(onDone, onError);
  };
  // Available agents first, then the busy, then the rest; each with its state.
  const rank = (a: TransferAgent) => ['available', 'busy', 'wrap_up', 'not_ready'].indexOf(a.status);
  const agentOptions = [...(agents.data?.items ?? [])]
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
    .map((a) => ({
      value: a.id,
      label: `${a.name} · ${t(`state.${a.status}` as DeskKey)}${a.reason ? ` (${reasonLabel(t, a.reason)})` : ''}`,
    }));
  return (
    <Modal opened onClose={onClose} title={t('transfer.title')}>
      <Stack>
        <Select
          label={t('transfer.queue')}
          data={(queues.data?.items ?? []).map((q) => ({ value: q.key, label: q.name }))}
          value={queue}
          onChange={(v) => {
            setQueue(v);
            if (v) setAgent(null);
          }}
          clearable
          searchable
        />
        <Select
          label={t('transfer.agent')}
          placeholder={agents.isPending ? t('transfer.loading') : undefined}
          nothingFoundMessage={t('transfer.noAgents')}
          data={agentOptions}
          value={agent}
          onChange={(v) => {
            setAgent(v);
            if (v) setQueue(null);
          }}
          clearable
          searchable
          data-testid="transfer-agent"
        />
        {agents.isSuccess && agentOptions.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('transfer.noAgents')}
          </Text>
        )}
        <Textarea label={t('transfer.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Button onClick={submit} disabled={!agent && !queue}>
          {t('transfer.submit')}
        </Button>
      </Stack>
    </Modal>
  );
}

/** A not-ready reason in the interface language when the desk knows it, else as configured. */
const reasonLabel = (t: ReturnType<typeof useDeskT>, reason: string) =>
  reason in es.reasons ? t(`reasons.${reason}` as DeskKey) : reason;

const CODES = ['resolved', 'follow_up', 'info', 'complaint', 'sale'] as const;

export function WrapUpDialog({
  id,
  onDone,
  onError,
}: {
  id: string;
  onDone: () => void;
  onError: (e: Error) => void;
}) {
  const t = useDeskT();
  const [code, setCode] = useState<string | null>('resolved');
  const [notes, setNotes] = useState('');
  return (
    <Modal opened onClose={() => undefined} withCloseButton={false} title={t('wrapUp.title')}>
      <Stack>
        <Select
          label={t('wrapUp.disposition')}
          data={CODES.map((c) => ({ value: c, label: t(`wrapUp.codes.${c}` as DeskKey) }))}
          value={code}
          onChange={setCode}
          allowDeselect={false}
        />
        <Textarea label={t('wrapUp.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        <Button onClick={() => code && deskApi.wrapUp(id, code, notes).then(onDone, onError)}>
          {t('wrapUp.submit')}
        </Button>
      </Stack>
    </Modal>
  );
}
