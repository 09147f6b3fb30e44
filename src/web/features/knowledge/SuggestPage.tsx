/** A standalone page for suggested answers: the customer's question, the suggestions and an editable reply. */
import { Grid, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useKnowledgeT } from './i18n.ts';
import { SuggestedAnswers } from './SuggestedAnswers.tsx';

export function SuggestPage() {
  const t = useKnowledgeT();
  const [question, setQuestion] = useState('');
  const [reply, setReply] = useState('');
  return (
    <>
      <PageHeader title={t('suggest.title')} description={t('suggest.description')} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <Textarea
              label={t('suggest.input')}
              autosize
              minRows={3}
              autoFocus
              value={question}
              onChange={(e) => setQuestion(e.currentTarget.value)}
              data-testid="suggest-input"
            />
            <Textarea
              label={t('suggest.reply')}
              autosize
              minRows={6}
              value={reply}
              onChange={(e) => setReply(e.currentTarget.value)}
              data-testid="suggest-reply"
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SuggestedAnswers
            text={question}
            onInsert={(passage) => setReply((r) => (r ? `${r}\n\n${passage}` : passage))}
          />
        </Grid.Col>
      </Grid>
    </>
  );
}
