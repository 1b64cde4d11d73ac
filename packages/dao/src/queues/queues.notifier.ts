/**
 * The queues' events: queue_created|edited|deleted {id}, queue_extension_* {queue_id,
 * extension_id}, queue_schedule_* {queue_id, schedule_id}, queue_member_agent_* {queue_id,
 * agent_id[, penalty]}, all tenant-wide; queue_member_user_* {queue_id, user_uuid}, the user's.
 */
import {
  queueCreated,
  queueDeleted,
  queueEdited,
  queueExtensionAssociated,
  queueExtensionDissociated,
  queueFallbackEdited,
  queueMemberAgentAssociated,
  queueMemberAgentDissociated,
  queueMemberUserAssociated,
  queueMemberUserDissociated,
  queueScheduleAssociated,
  queueScheduleDissociated,
} from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { UserRef } from '../group-members/user-ref.js';

type Identity = { id: number; tenant_uuid: string };
const scoping = (queue: Identity) => ({ tenantUuid: queue.tenant_uuid });

export function createQueuesNotifier() {
  return {
    created: (tx: Tx, queue: Identity) => tx.events.add(queueCreated.build({ id: queue.id }, scoping(queue))),
    edited: (tx: Tx, queue: Identity) => tx.events.add(queueEdited.build({ id: queue.id }, scoping(queue))),
    deleted: (tx: Tx, queue: Identity) => tx.events.add(queueDeleted.build({ id: queue.id }, scoping(queue))),
    fallbackEdited: (tx: Tx, queue: Identity) =>
      tx.events.add(queueFallbackEdited.build({ id: queue.id }, scoping(queue))),
    extensionAssociated(tx: Tx, queue: Identity, extensionId: number): void {
      const data = { queue_id: queue.id, extension_id: extensionId };
      tx.events.add(queueExtensionAssociated.build(data, scoping(queue)));
    },
    extensionDissociated(tx: Tx, queue: Identity, extensionId: number): void {
      const data = { queue_id: queue.id, extension_id: extensionId };
      tx.events.add(queueExtensionDissociated.build(data, scoping(queue)));
    },
    scheduleAssociated(tx: Tx, queue: Identity, scheduleId: number): void {
      const data = { queue_id: queue.id, schedule_id: scheduleId };
      tx.events.add(queueScheduleAssociated.build(data, scoping(queue)));
    },
    scheduleDissociated(tx: Tx, queue: Identity, scheduleId: number): void {
      const data = { queue_id: queue.id, schedule_id: scheduleId };
      tx.events.add(queueScheduleDissociated.build(data, scoping(queue)));
    },
    agentAssociated(tx: Tx, queue: Identity, agentId: number, penalty: number): void {
      const data = { queue_id: queue.id, agent_id: agentId, penalty };
      tx.events.add(queueMemberAgentAssociated.build(data, scoping(queue)));
    },
    agentDissociated(tx: Tx, queue: Identity, agentId: number): void {
      tx.events.add(
        queueMemberAgentDissociated.build({ queue_id: queue.id, agent_id: agentId }, scoping(queue)),
      );
    },
    userAssociated(tx: Tx, queue: Identity, user: UserRef): void {
      const data = { queue_id: queue.id, user_uuid: user.uuid };
      tx.events.add(
        queueMemberUserAssociated.build(data, { tenantUuid: queue.tenant_uuid, userUuid: user.uuid }),
      );
    },
    userDissociated(tx: Tx, queue: Identity, user: UserRef): void {
      const data = { queue_id: queue.id, user_uuid: user.uuid };
      tx.events.add(
        queueMemberUserDissociated.build(data, { tenantUuid: queue.tenant_uuid, userUuid: user.uuid }),
      );
    },
  };
}

export type QueuesNotifier = ReturnType<typeof createQueuesNotifier>;
