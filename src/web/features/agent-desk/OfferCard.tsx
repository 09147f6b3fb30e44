/** A new offer: a chime, a countdown to its expiry, accept with A and decline with D. */
import { Button, Card, Group, Progress, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useShortcuts } from '../../shell/useShortcuts.ts';
import type { Offer } from './api.ts';
import { useDeskT } from './i18n.ts';
import { playOfferSound } from './useDeskFeed.ts';

export function OfferCard({
  offer,
  onAccept,
  onDecline,
}: {
  offer: Offer;
  onAccept: () => void;
  onDecline: () => void;
}) {
  const t = useDeskT();
  const total = Math.max(1, new Date(offer.expiresAt).getTime() - Date.now());
  const [left, setLeft] = useState(total);
  useEffect(() => {
    playOfferSound();
    const timer = setInterval(() => setLeft(new Date(offer.expiresAt).getTime() - Date.now()), 250);
    return () => clearInterval(timer);
  }, [offer.expiresAt]);
  useShortcuts([
    { keys: ['a'], run: onAccept },
    { keys: ['d'], run: onDecline },
  ]);
  return (
    <Card
      withBorder
      shadow="md"
      padding="md"
      data-testid="offer"
      role="alertdialog"
      aria-label={t('offer.title')}
    >
      <Text fw={600}>
        {t('offer.title')} · {offer.channel}
      </Text>
      <Text size="sm" lineClamp={2}>
        {offer.subject}
      </Text>
      <Text size="xs" c="dimmed">
        {t('offer.expires', { seconds: Math.max(0, Math.ceil(left / 1000)) })}
      </Text>
      <Progress value={(Math.max(0, left) / total) * 100} my="xs" color={left < 5000 ? 'red' : 'blue'} />
      <Group>
        <Button onClick={onAccept} color="green">
          {t('offer.accept')}
        </Button>
        <Button onClick={onDecline} variant="default">
          {t('offer.decline')}
        </Button>
      </Group>
    </Card>
  );
}
