/** The conversation's due time, counting down every second: first reply, then resolution. */
import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Conversation } from './api.ts';
import { useEmailT } from './i18n.ts';
import { dueOf, formatLeft } from './sla.ts';

const COLORS = { ok: 'green', soon: 'orange', overdue: 'red' } as const;

export function DueCountdown({ conversation }: { conversation: Conversation }) {
  const t = useEmailT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const started = Date.parse(conversation.messages[0]?.createdAt ?? '') || now;
  const due = dueOf(conversation, now, started);
  if (!due) return null;
  const left = formatLeft(due.leftMs);
  const key =
    due.level === 'overdue'
      ? (`due.${due.kind}Overdue` as const)
      : due.kind === 'firstReply'
        ? ('due.firstReply' as const)
        : ('due.resolution' as const);
  return (
    <Badge color={COLORS[due.level]} variant="light" size="lg" data-testid="email-due" data-level={due.level}>
      {t(key, { left })}
    </Badge>
  );
}
