/**
 * The script runner: the interaction's script one step at a time, beside the conversation, with the
 * customer's top offers and unpaid invoices. Self-contained: give it an interaction id (the agent desk embeds it).
 * Keyboard: Enter continues, Alt+← goes back, 1–9 pick an option.
 */
import { Alert, Badge, Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingLines } from '../../ui/QueryView.tsx';
import { type Run, type StepView, scriptingApi, type Value } from './api.ts';
import { InvoicesCard } from './InvoicesCard.tsx';
import { useScriptingT } from './i18n.ts';

export function ScriptRunner({ interactionId }: { interactionId: string }) {
  const t = useScriptingT();
  const client = useQueryClient();
  const key = ['scripting', 'run', interactionId];
  const run = useQuery({ queryKey: key, queryFn: () => scriptingApi.start(interactionId), retry: false });
  const set = (r: Run) => client.setQueryData(key, r);
  const answer = useMutation({
    mutationFn: ({ value }: { value: Value }) =>
      scriptingApi.answer(run.data!.id, run.data!.current.step.id, value),
    onSuccess: set,
  });
  const back = useMutation({ mutationFn: () => scriptingApi.back(run.data!.id), onSuccess: set });

  if (run.isPending) return <LoadingLines />;
  if (run.isError) {
    if (run.error instanceof ApiError && run.error.code === 'scripting.no_script')
      return <Alert color="gray">{t('noScript')}</Alert>;
    return <ErrorAlert error={run.error} onRetry={() => void run.refetch()} />;
  }
  const { current } = run.data;
  return (
    <Stack gap="sm" data-testid="script-runner">
      <Group justify="space-between">
        <Title order={4}>{run.data.scriptName}</Title>
        <Badge variant="light">v{run.data.version}</Badge>
      </Group>
      {answer.error && <ErrorAlert error={answer.error} />}
      {current.status === 'ended' ? (
        <>
          <Alert color="green" data-testid="script-finished">
            {t('finished', { outcome: current.outcome ?? '' })}
          </Alert>
          <FollowUps run={run.data} onRetried={set} />
        </>
      ) : (
        <StepCard
          current={current}
          busy={answer.isPending || back.isPending}
          onAnswer={(value) => answer.mutate({ value })}
          onBack={() => back.mutate()}
        />
      )}
      <Text size="xs" c="dimmed">
        {t('path')}: {current.path.join(' → ')}
      </Text>
      {run.data.customerId && <OffersCard customerId={run.data.customerId} interactionId={interactionId} />}
      {run.data.customerId && <InvoicesCard customerId={run.data.customerId} />}
    </Stack>
  );
}

/** The step where a run (or a preview) stands, with its answer buttons; shared by the runner and the designer. */
export function StepCard({
  current,
  busy,
  onAnswer,
  onBack,
}: {
  current: { step: StepView; path: string[] };
  busy: boolean;
  onAnswer: (value: Value) => void;
  onBack: () => void;
}) {
  const t = useScriptingT();
  const step = current.step;
  const variable = step.variable;
  const [text, setText] = useState('');
  const [number, setNumber] = useState<number | string>('');
  const options =
    variable?.type === 'choice' ? variable.options : variable?.type === 'boolean' ? ['yes', 'no'] : [];
  const pick = (o: string) => onAnswer(variable?.type === 'boolean' ? o === 'yes' : o);
  const canGoBack = current.path.length > 1;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Keys typed into a field (an answer, or the designer around a preview) are not shortcuts.
      const typing =
        e.target instanceof HTMLElement && e.target.closest('input, textarea, [contenteditable]');
      if (busy || (typing && !e.altKey)) return;
      if (e.altKey && e.key === 'ArrowLeft' && canGoBack) onBack();
      else if (!variable && e.key === 'Enter') onAnswer(null);
      else if (/^[1-9]$/.test(e.key) && options[Number(e.key) - 1]) pick(options[Number(e.key) - 1]!);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <Card withBorder data-testid="script-step" data-step={step.id}>
      {step.type === 'answer' && (
        <Text size="sm" c="dimmed">
          {t('suggested')}: {step.title}
        </Text>
      )}
      {/* A knowledge answer keeps its paragraphs. */}
      <Text size="lg" mb="md" style={{ whiteSpace: 'pre-line' }}>
        {step.text}
      </Text>
      <Group>
        {!variable && (
          <Button onClick={() => onAnswer(null)} loading={busy}>
            {t('next')}
          </Button>
        )}
        {options.map((o, i) => (
          <Button key={o} variant="light" onClick={() => pick(o)} disabled={busy}>
            {i + 1}. {o === 'yes' ? t('yes') : o === 'no' ? t('no') : o}
          </Button>
        ))}
        {variable?.type === 'text' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              onAnswer(text);
            }}
          >
            <Group>
              <TextInput
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                aria-label={step.text}
              />
              <Button type="submit">{t('answer')}</Button>
            </Group>
          </form>
        )}
        {variable?.type === 'number' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              onAnswer(Number(number));
            }}
          >
            <Group>
              <NumberInput value={number} onChange={setNumber} aria-label={step.text} />
              <Button type="submit">{t('answer')}</Button>
            </Group>
          </form>
        )}
        {canGoBack && (
          <Button variant="subtle" onClick={onBack} disabled={busy}>
            {t('back')}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt="sm">
        {t('shortcuts')}
      </Text>
    </Card>
  );
}

function OffersCard({ customerId, interactionId }: { customerId: string; interactionId: string }) {
  const t = useScriptingT();
  const client = useQueryClient();
  const offers = useQuery({
    queryKey: ['scripting', 'offers', customerId],
    queryFn: () => scriptingApi.offers(customerId),
  });
  const respond = useMutation({
    mutationFn: (v: { product: string; response: 'accepted' | 'declined' }) =>
      scriptingApi.respond(customerId, interactionId, v.product, v.response),
    onSuccess: () => client.invalidateQueries({ queryKey: ['scripting', 'offers', customerId] }),
  });
  if (offers.isPending) return <LoadingLines lines={2} />;
  if (offers.isError) return <ErrorAlert error={offers.error} onRetry={() => void offers.refetch()} />;
  return (
    <Card withBorder data-testid="offers">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('offers')}</Title>
        {offers.data.crossSell && <Badge color="orange">{t('crossSell')}</Badge>}
      </Group>
      {offers.data.offers.length === 0 && <Text c="dimmed">{t('noOffers')}</Text>}
      <Stack gap="xs">
        {offers.data.offers.map((o) => (
          <Group key={o.product} justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Text fw={600}>
                {o.productName} · {Math.round(o.score * 100)} %
              </Text>
              <Text size="sm" c="dimmed">
                {t(`why_${o.why.kind}`, {
                  because: o.why.becauseName ?? '',
                  percent: o.why.percent,
                  product: o.productName,
                })}
                {o.promotion ? ` · ${t('promotion', { code: o.promotion.code })}` : ''}
              </Text>
            </Stack>
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" onClick={() => respond.mutate({ product: o.product, response: 'accepted' })}>
                {t('accept')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => respond.mutate({ product: o.product, response: 'declined' })}
              >
                {t('decline')}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

const STATUS_COLOR = { done: 'green', skipped: 'gray', failed: 'red' } as const;

/** The tasks, e-mails and call-backs the finished run left, with a retry when one failed. */
function FollowUps({ run, onRetried }: { run: Run; onRetried: (r: Run) => void }) {
  const t = useScriptingT();
  const retry = useMutation({ mutationFn: () => scriptingApi.retryFollowUps(run.id), onSuccess: onRetried });
  if (run.followUps.length === 0) return null;
  return (
    <Card withBorder data-testid="script-follow-ups">
      <Title order={5} mb="xs">
        {t('followUps.title')}
      </Title>
      {retry.error && <ErrorAlert error={retry.error} />}
      <Stack gap={4}>
        {run.followUps.map((f) => (
          <Group key={f.stepId} gap="xs" wrap="nowrap">
            <Badge color={STATUS_COLOR[f.status]} variant="light">
              {t(`followUps.${f.status}`)}
            </Badge>
            <Text size="sm">{t(`followUps.${f.kind}`)}</Text>
            {f.detail && (
              <Text size="sm" c="dimmed">
                {f.detail}
              </Text>
            )}
          </Group>
        ))}
      </Stack>
      {run.followUps.some((f) => f.status === 'failed') && (
        <Button size="xs" mt="sm" variant="light" onClick={() => retry.mutate()} loading={retry.isPending}>
          {t('followUps.retry')}
        </Button>
      )}
    </Card>
  );
}
