/**
 * The desk's assist column for the selected interaction: suggested answers from the knowledge base for what
 * the customer wrote (inserted into the reply with a click or Alt+1…3) and the script its rules choose.
 */
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { skipToken, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingLines } from '../../ui/QueryView.tsx';
import { SuggestedAnswers } from '../knowledge/index.ts';
import { ScriptRunner } from '../scripting/index.ts';
import { type ChatHistory, deskApi, type Interaction } from './api.ts';
import { chatKey } from './ChatPane.tsx';
import { useDeskT } from './i18n.ts';

/** The customer's last three messages, which the suggestions answer. */
function customerWords(history: ChatHistory | undefined): string {
  return (history?.messages ?? [])
    .filter((m) => m.direction === 'inbound')
    .slice(-3)
    .map((m) => m.body)
    .join('\n');
}

export function AssistPanel({
  interaction,
  onInsert,
}: {
  interaction: Interaction;
  onInsert: ((passage: string) => void) | null;
}) {
  const t = useDeskT();
  // The chat pane fetches the conversation; this only follows what it holds.
  const history = useQuery<ChatHistory>({
    queryKey: chatKey(interaction.id),
    queryFn: skipToken,
    enabled: interaction.channel === 'chat',
  });
  const text = interaction.channel === 'chat' ? customerWords(history.data) : (interaction.subject ?? '');
  return (
    <Stack gap="sm" data-testid="assist">
      {onInsert && (
        <Paper withBorder p="sm">
          <Title order={5} mb="xs">
            {t('assist.answers')}
          </Title>
          <SuggestedAnswers
            text={text}
            {...(interaction.language === 'es' || interaction.language === 'en'
              ? { language: interaction.language }
              : {})}
            onInsert={(passage) => onInsert(passage)}
          />
        </Paper>
      )}
      <Paper withBorder p="sm">
        <Title order={5} mb="xs">
          {t('assist.script')}
        </Title>
        <ScriptSlot key={interaction.id} interactionId={interaction.id} />
      </Paper>
    </Stack>
  );
}

/** The script the rules choose; it starts (and is recorded on the interaction) only when the agent opens it. */
function ScriptSlot({ interactionId }: { interactionId: string }) {
  const t = useDeskT();
  const [open, setOpen] = useState(false);
  const choice = useQuery({
    queryKey: ['desk', 'script', interactionId],
    queryFn: () => deskApi.scriptFor(interactionId),
  });
  if (open) return <ScriptRunner interactionId={interactionId} />;
  if (choice.isPending) return <LoadingLines lines={1} />;
  if (choice.isError) return <ErrorAlert error={choice.error} onRetry={() => void choice.refetch()} />;
  if (!choice.data.script)
    return (
      <Text size="sm" c="dimmed" data-testid="no-script">
        {t('assist.noScript')}
      </Text>
    );
  return (
    <Button variant="light" onClick={() => setOpen(true)} data-testid="open-script">
      {t('assist.openScript', { name: choice.data.script.name })}
    </Button>
  );
}
