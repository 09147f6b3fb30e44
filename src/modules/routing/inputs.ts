/**
 * The statements of the routing input log (`routing_inputs`), for the host's group transactions: read
 * what other processes wrote, check that none did, append a group's inputs.
 */
import { failUnless, jsonLiteral, literal } from '../../platform/db/script.ts';
import type { RoutingEvent } from './core/index.ts';

/** The statement that reads a workspace's inputs after an id, in order. */
export const inputsAfterStatement = (workspaceId: string, afterId: number) =>
  `select id::text as id, event from routing_inputs
    where workspace_id = ${literal(workspaceId)} and id > ${Math.trunc(afterId)} order by id`;

/** The statement that fails the transaction if another process wrote inputs after this one's last. */
export const noInputsAfterStatement = (workspaceId: string, afterId: number) =>
  failUnless(
    `not exists (select 1 from routing_inputs where workspace_id = ${literal(workspaceId)} and id > ${Math.trunc(afterId)})`,
    'routing: another process wrote inputs',
  );

/** The statement that appends inputs in order and answers the last id. */
export const appendInputsStatement = (workspaceId: string, events: RoutingEvent[]) =>
  `with added as (
    insert into routing_inputs (workspace_id, event)
    select ${literal(workspaceId)}::uuid, e.event from jsonb_array_elements(${jsonLiteral(events)}) with ordinality as e(event, n)
    order by e.n returning id)
  select max(id)::text as id from added`;

/** The session setting where a group leaves its mark, for the group sent behind it on the same connection. */
const MARK = 'atiende.routing_group';

/**
 * The statement that leaves a group's mark on its connection. Like `SET`, it is undone if the group's
 * transaction rolls back, so the mark is there only once the group committed.
 */
export const markStatement = (mark: string) => `select set_config(${literal(MARK)}, ${literal(mark)}, false)`;

/**
 * The statement that fails the transaction unless the group in flight before this one, on the same
 * connection, committed (its mark is there) and no other process wrote inputs since this engine's last
 * (the inputs after it are that group's alone, `count` of them). If that group failed, or another process
 * wrote in between, or this group runs on another connection, this one fails too.
 */
export const inputsAfterAreStatement = (
  workspaceId: string,
  afterId: number,
  ahead: { count: number; mark: string },
) =>
  failUnless(
    `current_setting(${literal(MARK)}, true) is not distinct from ${literal(ahead.mark)}
      and (select count(*) from routing_inputs where workspace_id = ${literal(workspaceId)} and id > ${Math.trunc(afterId)}) = ${Math.trunc(ahead.count)}`,
    'routing: the inputs before this group are not the ones it was decided after',
  );
