/** Workspace-wide routing settings: not-ready reasons, disposition codes, skills, missed offers, grace, costs. */
import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/FormError.tsx';
import { type RoutingSettings, routingApi, routingKeys } from './api.ts';
import { routingErrorMessage } from './errors.ts';
import { useRoutingT } from './i18n.ts';

export function SettingsCard({ settings }: { settings: RoutingSettings }) {
  const t = useRoutingT();
  const { t: appT } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState(settings);
  const save = useMutation({
    mutationFn: routingApi.saveSettings,
    onSuccess: (saved) => client.setQueryData(routingKeys.settings, saved),
  });
  const set = (change: Partial<RoutingSettings>) => setDraft((d) => ({ ...d, ...change }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section">
      <form onSubmit={submit} noValidate data-testid="routing-settings">
        <Stack gap="md">
          <div>
            <Title order={4}>{t('settings.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('settings.description')}
            </Text>
          </div>
          <FormError message={routingErrorMessage(t, appT, save.error)} />
          <TagsInput
            label={t('settings.notReadyReasons')}
            value={draft.notReadyReasons}
            onChange={(notReadyReasons) => set({ notReadyReasons })}
            data-testid="settings-reasons"
          />
          <TagsInput
            label={t('settings.dispositionCodes')}
            value={draft.dispositionCodes}
            onChange={(dispositionCodes) => set({ dispositionCodes })}
            data-testid="settings-dispositions"
          />
          <TagsInput
            label={t('settings.skills')}
            value={draft.skills}
            onChange={(skills) => set({ skills })}
            data-testid="settings-skills"
          />
          <Group grow>
            <NumberInput
              label={t('settings.missedOffers')}
              value={draft.missedOffersBeforeNotReady}
              min={1}
              max={100}
              onChange={(v) => set({ missedOffersBeforeNotReady: Number(v) || 1 })}
            />
            <NumberInput
              label={t('settings.presenceGrace')}
              value={draft.presenceGraceSeconds}
              min={0}
              onChange={(v) => set({ presenceGraceSeconds: Number(v) || 0 })}
            />
          </Group>
          <Text size="sm" fw={500}>
            {t('settings.costs')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {Object.entries(draft.channels).map(([channel, { cost }]) => (
              <NumberInput
                key={channel}
                label={t(`channels.${channel}` as 'channels.voice')}
                value={cost}
                min={1}
                onChange={(v) =>
                  set({ channels: { ...draft.channels, [channel]: { cost: Number(v) || 1 } } })
                }
              />
            ))}
          </SimpleGrid>
          {save.isSuccess && (
            <Alert color="green" variant="light" data-testid="settings-saved">
              {t('settings.saved')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-testid="settings-save">
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
