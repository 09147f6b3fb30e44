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

/**
 * The statement that fails the transaction unless the inputs after an id are exactly `expected` (as many,
 * and ending with the same event, as JSON): those of the group in flight before this one, which this one was
 * decided after. If that group failed, or another process wrote in between, this one fails too.
 */
export const inputsAfterAreStatement = (
  workspaceId: string,
  afterId: number,
  expected: { count: number; last: string },
) => {
  const after = `from routing_inputs where workspace_id = ${literal(workspaceId)} and id > ${Math.trunc(afterId)}`;
  return failUnless(
    `(select count(*) ${after}) = ${Math.trunc(expected.count)}
      and (select event ${after} order by id desc limit 1) = ${literal(expected.last)}::jsonb`,
    'routing: the inputs before this group are not the ones it was decided after',
  );
};
