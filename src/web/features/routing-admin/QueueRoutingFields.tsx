/** How a queue orders its waiting work and offers it: weights, value boosts, selection, bullseye, sticky, offers. */
import {
  Checkbox,
  Divider,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import type { QueueDraft } from './draft.ts';
import { useRoutingT } from './i18n.ts';
import { RowsEditor } from './RowsEditor.tsx';

interface Props {
  draft: QueueDraft;
  set: (change: Partial<QueueDraft>) => void;
  skills: string[];
  queues: { value: string; label: string }[];
  problems: (key: 'boosts') => string | undefined;
}

const num = (v: string | number, fallback = 0) => (typeof v === 'number' ? v : Number(v) || fallback);

export function QueueRoutingFields({ draft, set, skills, queues, problems }: Props) {
  const t = useRoutingT();
  const skillOptions = [...new Set([...skills, ...draft.requirements.map((r) => r.skill).filter(Boolean)])];
  return (
    <Stack gap="sm">
      <Group grow>
        <NumberInput
          label={t('form.priorityWeight')}
          value={draft.priorityWeight}
          min={0}
          onChange={(v) => set({ priorityWeight: num(v) })}
        />
        <NumberInput
          label={t('form.agingWeight')}
          value={draft.agingWeightPerSecond}
          min={0}
          decimalScale={3}
          onChange={(v) => set({ agingWeightPerSecond: num(v) })}
        />
        <Select
          label={t('form.selection')}
          data={(['longest_idle', 'least_occupied', 'highest_proficiency'] as const).map((s) => ({
            value: s,
            label: t(`form.selections.${s}`),
          }))}
          value={draft.selection}
          allowDeselect={false}
          onChange={(v) => v && set({ selection: v as QueueDraft['selection'] })}
          data-testid="queue-selection"
        />
      </Group>
      <RowsEditor
        label={t('form.boosts')}
        help={t('form.boostsHelp')}
        rows={draft.boosts}
        onChange={(boosts) => set({ boosts })}
        blank={() => ({ tier: '', points: 90 })}
        addLabel={t('form.addBoost')}
        removeLabel={t('form.remove')}
        error={problems('boosts')}
        testId="queue-boosts"
        render={(row, update, index) => (
          <>
            <TextInput
              label={t('form.tier')}
              value={row.tier}
              onChange={(e) => update({ tier: e.currentTarget.value })}
              data-testid={`boost-tier-${index}`}
            />
            <NumberInput
              label={t('form.points')}
              value={row.points}
              onChange={(v) => update({ points: num(v) })}
            />
          </>
        )}
      />
      <Divider label={t('form.relaxation')} labelPosition="left" />
      <RowsEditor
        label={t('form.relaxation')}
        help={t('form.relaxationHelp')}
        rows={draft.relaxation}
        onChange={(relaxation) => set({ relaxation })}
        blank={() => ({ afterSeconds: 60, lowerProficiencyBy: 1, dropSkills: [], widenToQueues: [] })}
        addLabel={t('form.addStep')}
        removeLabel={t('form.remove')}
        testId="queue-relaxation"
        render={(row, update) => (
          <>
            <NumberInput
              label={t('form.afterSeconds')}
              value={row.afterSeconds}
              min={0}
              w={110}
              onChange={(v) => update({ afterSeconds: num(v) })}
            />
            <NumberInput
              label={t('form.lowerBy')}
              value={row.lowerProficiencyBy}
              min={0}
              max={4}
              w={110}
              onChange={(v) => update({ lowerProficiencyBy: num(v) })}
            />
            <MultiSelect
              label={t('form.dropSkills')}
              data={skillOptions}
              value={row.dropSkills}
              onChange={(dropSkills) => update({ dropSkills })}
            />
            <MultiSelect
              label={t('form.widenTo')}
              data={queues}
              value={row.widenToQueues}
              onChange={(widenToQueues) => update({ widenToQueues })}
            />
          </>
        )}
      />
      <Divider label={t('form.sticky')} labelPosition="left" />
      <Switch
        label={t('form.stickyOn')}
        checked={draft.sticky.enabled}
        onChange={(e) => set({ sticky: { ...draft.sticky, enabled: e.currentTarget.checked } })}
        data-testid="queue-sticky"
      />
      {draft.sticky.enabled && (
        <Group>
          <NumberInput
            label={t('form.stickySeconds')}
            value={draft.sticky.seconds}
            min={0}
            onChange={(v) => set({ sticky: { ...draft.sticky, seconds: num(v) } })}
          />
          <Checkbox
            label={t('form.lastAgent')}
            checked={draft.sticky.lastAgent}
            onChange={(e) => set({ sticky: { ...draft.sticky, lastAgent: e.currentTarget.checked } })}
          />
          <Checkbox
            label={t('form.accountOwner')}
            checked={draft.sticky.accountOwner}
            onChange={(e) => set({ sticky: { ...draft.sticky, accountOwner: e.currentTarget.checked } })}
          />
        </Group>
      )}
      <Divider label={t('form.offers')} labelPosition="left" />
      <Group grow>
        <NumberInput
          label={t('form.offerTimeout')}
          value={draft.offer.timeoutSeconds}
          min={1}
          max={3600}
          onChange={(v) => set({ offer: { ...draft.offer, timeoutSeconds: num(v, 1) } })}
          data-testid="queue-offer-timeout"
        />
        <NumberInput
          label={t('form.offerAgents')}
          value={draft.offer.agents}
          min={1}
          max={50}
          onChange={(v) => set({ offer: { ...draft.offer, agents: num(v, 1) } })}
          data-testid="queue-offer-agents"
        />
        <NumberInput
          label={t('form.wrapUp')}
          value={draft.wrapUpSeconds}
          min={0}
          onChange={(v) => set({ wrapUpSeconds: num(v) })}
        />
        <NumberInput
          label={t('form.transferWait')}
          value={draft.transferToAgentSeconds}
          min={0}
          onChange={(v) => set({ transferToAgentSeconds: num(v) })}
        />
      </Group>
    </Stack>
  );
}
