/** Starting a plan: pick a stored series and the targets; the server forecasts and staffs it. */
import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { type IntervalMinutes, type PlanSettingsInput, workforceApi, workforceKeys } from './api.ts';
import { useWorkforceT } from './i18n.ts';

const num = (v: string | number, fallback: number) => (typeof v === 'number' ? v : Number(v) || fallback);

export function NewPlanCard() {
  const t = useWorkforceT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const series = useQuery({ queryKey: workforceKeys.series, queryFn: workforceApi.series });
  const [key, setKey] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [horizon, setHorizon] = useState<string | number>(7);
  const [model, setModel] = useState<'c' | 'a'>('c');
  const [sl, setSl] = useState<string | number>(80);
  const [target, setTarget] = useState<string | number>(20);
  const [patience, setPatience] = useState<string | number>(120);
  const [shrinkage, setShrinkage] = useState<string | number>(30);
  const [occupancy, setOccupancy] = useState<string | number>(85);
  const [concurrency, setConcurrency] = useState<string | number>(2);
  const [due, setDue] = useState<string | number>(1440);
  const options = (series.data?.items ?? []).map((s) => ({
    value: `${s.queueKey}|${s.channel}|${s.intervalMinutes}`,
    label: `${s.queueKey} · ${s.channel} · ${t('series.minutes', { minutes: s.intervalMinutes })}`,
  }));
  const [queueKey, channel, interval] = (key ?? '||').split('|');
  const create = useMutation({
    mutationFn: () => {
      const settings: PlanSettingsInput = {
        horizonDays: num(horizon, 7),
        model,
        serviceLevel: num(sl, 80) / 100,
        targetSeconds: num(target, 20),
        shrinkage: num(shrinkage, 30) / 100,
        maxOccupancy: num(occupancy, 85) / 100,
        ...(model === 'a' ? { patienceSeconds: num(patience, 120) } : {}),
        ...(channel === 'chat' ? { concurrency: num(concurrency, 2) } : {}),
        ...(channel === 'email' ? { dueMinutes: num(due, 1440) } : {}),
      };
      return workforceApi.createPlan({
        name: name.trim(),
        queueKey: queueKey!,
        channel: channel!,
        intervalMinutes: Number(interval) as IntervalMinutes,
        settings,
      });
    },
    onSuccess: async (plan) => {
      await queryClient.invalidateQueries({ queryKey: workforceKeys.plans });
      navigate(`/workforce/plans/${plan.id}`);
    },
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={4} mb="sm">
        {t('newPlan.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (key && name.trim()) create.mutate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <Select
              label={t('newPlan.series')}
              data={options}
              value={key}
              onChange={setKey}
              required
              data-testid="plan-series"
            />
            <TextInput
              label={t('newPlan.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={120}
              required
              data-testid="plan-name"
            />
            <NumberInput
              label={t('newPlan.horizon')}
              value={horizon}
              onChange={setHorizon}
              min={1}
              max={28}
            />
            <Select
              label={t('newPlan.model')}
              data={[
                { value: 'c', label: t('newPlan.modelC') },
                { value: 'a', label: t('newPlan.modelA') },
              ]}
              value={model}
              onChange={(v) => setModel(v === 'a' ? 'a' : 'c')}
              allowDeselect={false}
            />
            <NumberInput label={t('newPlan.serviceLevel')} value={sl} onChange={setSl} min={1} max={99} />
            <NumberInput label={t('newPlan.target')} value={target} onChange={setTarget} min={0} max={3600} />
            {model === 'a' && (
              <NumberInput label={t('newPlan.patience')} value={patience} onChange={setPatience} min={1} />
            )}
            <NumberInput
              label={t('newPlan.shrinkage')}
              value={shrinkage}
              onChange={setShrinkage}
              min={0}
              max={95}
            />
            <NumberInput
              label={t('newPlan.occupancy')}
              value={occupancy}
              onChange={setOccupancy}
              min={1}
              max={100}
            />
            {channel === 'chat' && (
              <NumberInput
                label={t('newPlan.concurrency')}
                value={concurrency}
                onChange={setConcurrency}
                min={1}
                max={20}
              />
            )}
            {channel === 'email' && (
              <NumberInput label={t('newPlan.due')} value={due} onChange={setDue} min={15} max={20160} />
            )}
          </SimpleGrid>
          {create.error && <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} disabled={!key || !name.trim()}>
              {t('newPlan.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
