/** Edit an agent's routing profile: skills with levels, languages, channels with caps, capacity, teams. */
import {
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types.ts';
import { FormError } from '../../ui/FormError.tsx';
import { type AgentProfile, CHANNELS, routingApi } from './api.ts';
import { routingErrorMessage } from './errors.ts';
import { useRoutingT } from './i18n.ts';
import { RowsEditor } from './RowsEditor.tsx';

/** What a user without a profile starts from: the server's defaults for a first login. */
const DEFAULT_CAPS: Record<string, number> = { voice: 1, callback: 1, chat: 3, whatsapp: 3, email: 5 };

interface Props {
  user: User;
  profile: AgentProfile | null;
  skills: string[];
  onClose: () => void;
}

export function ProfileFormModal({ user, profile, skills, onClose }: Props) {
  const t = useRoutingT();
  const { t: appT } = useTranslation();
  const client = useQueryClient();
  const start = profile ?? {
    skills: {},
    languages: [user.language],
    channels: DEFAULT_CAPS,
    capacity: 100,
    teams: [],
  };
  const [skillRows, setSkillRows] = useState(() =>
    Object.entries(start.skills).map(([skill, level]) => ({ skill, level })),
  );
  const [languages, setLanguages] = useState(start.languages);
  const [channels, setChannels] = useState<Record<string, number>>(start.channels);
  const [capacity, setCapacity] = useState(start.capacity);
  const [teams, setTeams] = useState(start.teams);
  const save = useMutation({
    mutationFn: (body: AgentProfile) => routingApi.saveProfile(user.id, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['routing'] });
      onClose();
    },
  });
  const repeated = new Set(skillRows.map((r) => r.skill)).size !== skillRows.length;
  const badLanguage = languages.find((l) => !/^[a-z]{2}$/.test(l));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (repeated || badLanguage || skillRows.some((r) => !r.skill)) return;
    save.mutate({
      skills: Object.fromEntries(skillRows.map((r) => [r.skill, r.level])),
      languages,
      channels,
      capacity,
      teams,
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('agents.editTitle', { name: user.name })} size="lg">
      <form onSubmit={submit} noValidate data-testid="profile-form">
        <Stack gap="md">
          <FormError message={routingErrorMessage(t, appT, save.error)} />
          <RowsEditor
            label={t('agents.columns.skills')}
            rows={skillRows}
            onChange={setSkillRows}
            blank={() => ({ skill: '', level: 3 })}
            addLabel={t('agents.addSkill')}
            removeLabel={t('form.remove')}
            error={repeated ? t('problems.skills') : undefined}
            testId="profile-skills"
            render={(row, update, index) => (
              <>
                <Autocomplete
                  label={t('agents.skill')}
                  data={skills}
                  value={row.skill}
                  onChange={(v) => update({ skill: v })}
                  data-testid={`profile-skill-${index}`}
                />
                <NumberInput
                  label={t('agents.level')}
                  value={row.level}
                  min={1}
                  max={5}
                  w={100}
                  onChange={(v) => update({ level: Math.min(5, Math.max(1, Number(v) || 1)) })}
                  data-testid={`profile-level-${index}`}
                />
              </>
            )}
          />
          <TagsInput
            label={t('agents.languages')}
            value={languages}
            onChange={(next) => setLanguages(next.map((l) => l.trim().toLowerCase()))}
            error={badLanguage ? t('agents.languages') : undefined}
            data-testid="profile-languages"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="profile-channels">
            {CHANNELS.map((channel) => (
              <Group key={channel} gap="xs" wrap="nowrap">
                <Checkbox
                  label={t(`channels.${channel}`)}
                  checked={channel in channels}
                  w={180}
                  onChange={(e) => {
                    const { [channel]: _, ...rest } = channels;
                    setChannels(e.currentTarget.checked ? { ...channels, [channel]: 1 } : rest);
                  }}
                  data-testid={`profile-channel-${channel}`}
                />
                {channel in channels && (
                  <NumberInput
                    aria-label={t('agents.channels')}
                    value={channels[channel]}
                    min={1}
                    max={50}
                    w={80}
                    size="xs"
                    onChange={(v) => setChannels({ ...channels, [channel]: Math.max(1, Number(v) || 1) })}
                  />
                )}
              </Group>
            ))}
          </SimpleGrid>
          <Group grow>
            <NumberInput
              label={t('agents.capacity')}
              value={capacity}
              min={1}
              max={10_000}
              onChange={(v) => setCapacity(Math.max(1, Number(v) || 1))}
              data-testid="profile-capacity"
            />
            <TagsInput label={t('agents.teams')} value={teams} onChange={setTeams} />
          </Group>
          {save.isSuccess && <Alert color="green">{t('agents.saved')}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="profile-save">
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
