/** What to do with waiting work: keep it, send it to another queue, or turn it into a message. */
import { Group, Select } from '@mantine/core';
import type { QueueAction } from './api.ts';
import { useRoutingT } from './i18n.ts';

interface Props {
  label: string;
  action: QueueAction;
  onChange: (action: QueueAction) => void;
  queues: { value: string; label: string }[];
  testId: string;
}

export function ActionFields({ label, action, onChange, queues, testId }: Props) {
  const t = useRoutingT();
  const kinds = (['keep', 'queue', 'message'] as const).map((k) => ({
    value: k,
    label: t(`form.actions.${k}`),
  }));
  return (
    <Group grow align="flex-start">
      <Select
        label={label}
        data={kinds}
        value={action.kind}
        allowDeselect={false}
        data-testid={testId}
        onChange={(kind) => {
          if (kind === 'queue') onChange({ kind, queueId: queues[0]?.value ?? '' });
          else if (kind === 'keep' || kind === 'message') onChange({ kind });
        }}
      />
      {action.kind === 'queue' && (
        <Select
          label={t('form.targetQueue')}
          data={queues}
          value={action.queueId || null}
          onChange={(queueId) => onChange({ kind: 'queue', queueId: queueId ?? '' })}
          data-testid={`${testId}-queue`}
        />
      )}
    </Group>
  );
}
