/** Transfer (to a queue or an agent, with a note) and wrap-up (disposition and notes). */
import { Button, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { deskApi } from './api.ts';
import { type DeskKey, useDeskT } from './i18n.ts';

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
  const [queue, setQueue] = useState<string | null>(null);
  const [agent, setAgent] = useState('');
  const [note, setNote] = useState('');
  const submit = () => {
    const to = agent.trim() ? { agentId: agent.trim() } : queue ? { queueId: queue } : null;
    if (!to) return;
    deskApi.transfer(id, to, note).then(onDone, onError);
  };
  return (
    <Modal opened onClose={onClose} title={t('transfer.title')}>
      <Stack>
        <Select
          label={t('transfer.queue')}
          data={(queues.data?.items ?? []).map((q) => ({ value: q.key, label: q.name }))}
          value={queue}
          onChange={setQueue}
        />
        <TextInput
          label={t('transfer.agent')}
          value={agent}
          onChange={(e) => setAgent(e.currentTarget.value)}
        />
        <Textarea label={t('transfer.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Button onClick={submit}>{t('transfer.submit')}</Button>
      </Stack>
    </Modal>
  );
}

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
