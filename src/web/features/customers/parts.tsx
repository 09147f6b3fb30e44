/** Small pieces the customers screens share: tier and kind badges, identity lines, labels of channels and kinds. */
import { Badge, Text } from '@mantine/core';
import { type CustomersKey, useCustomersT } from './i18n.ts';

const TIER_COLOURS: Record<string, string> = {
  platinum: 'violet',
  gold: 'yellow',
  silver: 'gray',
  standard: 'blue',
};

export function TierBadge({ tier }: { tier: string }) {
  const t = useCustomersT();
  return (
    <Badge variant="light" color={TIER_COLOURS[tier] ?? 'blue'} data-testid="tier-badge">
      {knownLabel(t, 'tier', tier)}
    </Badge>
  );
}

export function KindBadge({ kind }: { kind: string }) {
  const t = useCustomersT();
  return (
    <Badge variant="outline" color="gray" size="sm">
      {knownLabel(t, 'kind', kind)}
    </Badge>
  );
}

/**
 * The translated label of a value of a known group, or the value itself (a tier or kind a rule invented).
 * @example knownLabel(t, 'tier', 'gold') // 'Oro'; knownLabel(t, 'tier', 'vip') // 'vip'
 */
export function knownLabel(
  t: (key: CustomersKey) => string,
  group: 'tier' | 'kind' | 'timeline.kinds' | 'timeline.channels' | 'identities.kinds',
  value: string,
): string {
  const key = `${group}.${value}` as CustomersKey;
  const text = t(key);
  return text === key || text.endsWith(`.${value}`) ? value : text;
}

/** A customer's identities, one a line: the kind in grey, then the value as a person writes it. */
export function IdentityLines({ identities }: { identities: { kind: string; display: string }[] }) {
  const t = useCustomersT();
  return identities.map((i) => (
    <Text key={`${i.kind}:${i.display}`} size="sm">
      <Text span c="dimmed" size="xs">
        {knownLabel(t, 'identities.kinds', i.kind)}{' '}
      </Text>
      {i.display}
    </Text>
  ));
}
