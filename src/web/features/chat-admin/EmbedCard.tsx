/** The code a site pastes to show a channel's widget, its identity secret (shown once), and a demo link. */
import { Alert, Anchor, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../ui/errors.ts';
import { FormError } from '../../ui/FormError.tsx';
import { chatAdminApi, type WebChannel } from './api.ts';
import { useChatAdminT } from './i18n.ts';

export function EmbedCard({ channel }: { channel: WebChannel }) {
  const t = useChatAdminT();
  const { t: appT } = useTranslation();
  const [secret, setSecret] = useState(channel.secret ?? null);
  const rotate = useMutation({
    mutationFn: () => chatAdminApi.rotateSecret(channel.id),
    onSuccess: (c) => setSecret(c.secret ?? null),
  });
  return (
    <Stack gap="sm" data-testid="channel-embed">
      <Text fw={500}>{t('embed.snippet')}</Text>
      <Text size="sm" c="dimmed">
        {t('embed.snippetHelp')}
      </Text>
      <Code block data-testid="channel-snippet">
        {channel.snippet}
      </Code>
      <Group>
        <CopyButton value={channel.snippet}>
          {({ copied, copy }) => (
            <Button size="xs" variant={copied ? 'light' : 'filled'} onClick={copy}>
              {copied ? t('embed.copied') : t('embed.copy')}
            </Button>
          )}
        </CopyButton>
        <Anchor href={`/widget/demo/${channel.publicKey}`} target="_blank" rel="noopener" size="sm">
          {t('embed.demo')}
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed">
        {t('embed.key', { key: channel.publicKey })} · {t('embed.identity')}
      </Text>
      <Text fw={500} mt="sm">
        {t('embed.secret')}
      </Text>
      {secret && (
        <Alert color="yellow" title={t('embed.secretOnce')} data-testid="channel-secret">
          <Code>{secret}</Code>
        </Alert>
      )}
      <FormError message={rotate.error ? errorMessage(appT, rotate.error) : null} />
      <Group>
        <Button size="xs" variant="default" loading={rotate.isPending} onClick={() => rotate.mutate()}>
          {t('embed.rotate')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('embed.rotateHelp')}
        </Text>
      </Group>
    </Stack>
  );
}
