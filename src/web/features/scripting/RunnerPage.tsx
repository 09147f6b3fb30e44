/** A standalone page for the runner (`/scripts/run/:interactionId`), until the agent desk embeds it. */
import { Container } from '@mantine/core';
import { useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useScriptingT } from './i18n.ts';
import { ScriptRunner } from './ScriptRunner.tsx';

export function RunnerPage() {
  const t = useScriptingT();
  const { interactionId } = useParams();
  return (
    <Container size="sm">
      <PageHeader title={t('runnerTitle')} />
      <ScriptRunner interactionId={interactionId!} />
    </Container>
  );
}
