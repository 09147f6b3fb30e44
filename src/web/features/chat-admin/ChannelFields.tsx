/** The look (colours, logo, greeting, with a preview), the pre-chat form and the hours of a web channel. */
import {
  ColorInput,
  Group,
  Paper,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { HolidaysEditor } from '../admin/workspace/HolidaysEditor.tsx';
import { WeeklyHoursEditor } from '../admin/workspace/WeeklyHoursEditor.tsx';
import { RowsEditor } from '../routing-admin/RowsEditor.tsx';
import { type ChannelSettings, OFFLINE_MODES, type OfflineMode, type PreChatField } from './api.ts';
import { WORKDAYS } from './draft.ts';
import { useChatAdminT } from './i18n.ts';

interface Props {
  settings: ChannelSettings;
  set: (change: Partial<ChannelSettings>) => void;
  problem: (key: string) => string | undefined;
}

export function LookFields({ settings: s, set, problem, name }: Props & { name: string }) {
  const t = useChatAdminT();
  return (
    <Group align="flex-start" grow>
      <Stack gap="sm">
        <ColorInput
          label={t('form.primary')}
          value={s.colors.primary}
          onChange={(primary) => set({ colors: { ...s.colors, primary } })}
          error={problem('primary')}
          format="hex"
        />
        <ColorInput
          label={t('form.text')}
          value={s.colors.text}
          onChange={(text) => set({ colors: { ...s.colors, text } })}
          error={problem('text')}
          format="hex"
        />
        <TextInput
          label={t('form.logo')}
          value={s.logoUrl ?? ''}
          onChange={(e) => set({ logoUrl: e.currentTarget.value.trim() || null })}
          error={problem('logo')}
        />
        <Textarea
          label={t('form.greetingEs')}
          value={s.greeting.es}
          maxLength={300}
          onChange={(e) => set({ greeting: { ...s.greeting, es: e.currentTarget.value } })}
        />
        <Textarea
          label={t('form.greetingEn')}
          value={s.greeting.en}
          maxLength={300}
          onChange={(e) => set({ greeting: { ...s.greeting, en: e.currentTarget.value } })}
        />
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('form.preview')}
        </Text>
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }} data-testid="channel-preview">
          <Group p="sm" style={{ background: s.colors.primary, color: s.colors.text }}>
            {s.logoUrl && <img src={s.logoUrl} alt="" height={24} />}
            <Text fw={600} c="inherit">
              {name}
            </Text>
          </Group>
          <Text p="sm" size="sm" c="dimmed">
            {s.languages[0] === 'en' ? s.greeting.en : s.greeting.es}
          </Text>
        </Paper>
      </Stack>
    </Group>
  );
}

export function PreChatFields({ settings: s, set, problem }: Props) {
  const t = useChatAdminT();
  return (
    <RowsEditor<PreChatField>
      label={t('form.fields')}
      help={t('form.fieldsHelp')}
      rows={s.preChatFields}
      onChange={(preChatFields) => set({ preChatFields })}
      blank={() => ({ key: '', label: { es: '', en: '' }, type: 'text', required: false })}
      addLabel={t('form.addField')}
      removeLabel={t('form.remove')}
      error={problem('fields')}
      testId="channel-fields"
      render={(row, update) => (
        <>
          <TextInput
            label={t('form.fieldKey')}
            value={row.key}
            w={110}
            onChange={(e) => update({ key: e.currentTarget.value.trim() })}
          />
          <TextInput
            label={t('form.fieldEs')}
            value={row.label.es}
            onChange={(e) => update({ label: { ...row.label, es: e.currentTarget.value } })}
          />
          <TextInput
            label={t('form.fieldEn')}
            value={row.label.en}
            onChange={(e) => update({ label: { ...row.label, en: e.currentTarget.value } })}
          />
          <Select
            label={t('form.fieldType')}
            w={120}
            data={(['text', 'email', 'phone'] as const).map((v) => ({
              value: v,
              label: t(`form.types.${v}`),
            }))}
            value={row.type}
            onChange={(v) => v && update({ type: v as PreChatField['type'] })}
            allowDeselect={false}
          />
          <Switch
            label={t('form.required')}
            checked={row.required}
            onChange={(e) => update({ required: e.currentTarget.checked })}
            mb={8}
          />
        </>
      )}
    />
  );
}

export function HoursFields({ settings: s, set }: Omit<Props, 'problem'>) {
  const t = useChatAdminT();
  return (
    <Stack gap="sm">
      <Text size="sm" fw={500}>
        {t('form.hoursMode')}
      </Text>
      <SegmentedControl
        value={s.hours === null ? 'workspace' : 'custom'}
        data-testid="channel-hours-mode"
        data={(['workspace', 'custom'] as const).map((m) => ({ value: m, label: t(`form.hoursModes.${m}`) }))}
        onChange={(v) => set({ hours: v === 'workspace' ? null : { weekly: WORKDAYS, holidays: [] } })}
      />
      {s.hours && (
        <>
          <WeeklyHoursEditor
            weekly={s.hours.weekly}
            onChange={(weekly) => s.hours && set({ hours: { ...s.hours, weekly } })}
            errors={{}}
          />
          <Text size="sm" fw={500}>
            {t('form.holidays')}
          </Text>
          <HolidaysEditor
            holidays={s.hours.holidays}
            onChange={(holidays) => s.hours && set({ hours: { ...s.hours, holidays } })}
            errors={{}}
          />
        </>
      )}
      <Radio.Group
        label={t('form.offline')}
        description={t('form.offlineHelp')}
        value={s.whenOffline}
        onChange={(v) => set({ whenOffline: v as OfflineMode })}
        data-testid="channel-offline"
      >
        <Stack gap={6} mt={6}>
          {OFFLINE_MODES.map((m) => (
            <Radio key={m} value={m} label={t(`form.offlineModes.${m}`)} />
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
