/**
 * The queues' public API with Wazo's checks and words: a queue's name is unique across tenants
 * and not a group's, and cannot change; its wait destinations are checked as fallbacks'; its
 * extension (internal context, queue range, free), its schedule (one), its members (users with a
 * line, no two on one line; agents), each of the queue's tenant. Associating what is already
 * associated changes nothing (a member's penalty/priority is updated without event).
 */

import type { AgentsDao } from '../agents/agents.dao.js';
import type { ContextsDao } from '../contexts/contexts.dao.js';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import {
  formatCriteria,
  inputError,
  notFound,
  referenceNotFound,
  resourceAssociated,
  resourceError,
  resourceExists,
} from '../errors.js';
import type { ExtensionsDao } from '../extensions/extensions.dao.js';
import type { FindUser } from '../group-members/user-ref.js';
import type { Destination } from '../schedules/destination.js';
import { checkDestination } from '../schedules/destination-check.js';
import { missingTarget } from '../schedules/destination-names.js';
import type { SchedulesDao } from '../schedules/schedules.dao.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import { userNotFound } from '../users/user-key.js';
import type { UserKey } from '../users/users.model.js';
import { type QueueRow, type QueuesDao, WAIT_EVENTS, type WaitField } from './queues.dao.js';
import {
  mergeQueueOptions,
  QUEUE_SETTING_KEYS,
  type Queue,
  type QueueCreate,
  type QueueEdit,
  type QueueMemberAgentBody,
  type QueueMemberUserBody,
} from './queues.model.js';
import type { QueuesNotifier } from './queues.notifier.js';
import { checkQueueExtension, checkQueueExtensionContext, differentTenants } from './queues.validator.js';

/** Does the tenant have this music on hold class? (every name is accepted until MOH exists). */
export type QueueMohExists = (tx: Tx, tenantUuid: string, name: string) => Promise<boolean>;

export interface QueuesServiceDeps {
  uow: UnitOfWork;
  dao: QueuesDao;
  notifier: QueuesNotifier;
  agents: Pick<AgentsDao, 'find'>;
  extensions: Pick<ExtensionsDao, 'find'>;
  contexts: Pick<ContextsDao, 'findByName'>;
  schedules: Pick<SchedulesDao, 'find'>;
  findUser: FindUser;
  musicOnHoldExists?: QueueMohExists;
}

const WAIT_FIELDS = Object.keys(WAIT_EVENTS) as WaitField[];

/** The settings of a body as columns; absent keys stay as they are. */
function rowOf(input: QueueCreate | QueueEdit): QueueRow {
  const row: Record<string, unknown> = {};
  for (const key of QUEUE_SETTING_KEYS) if (input[key] !== undefined) row[key] = input[key];
  if (input.options !== undefined) row.options = mergeQueueOptions(input.options as [string, string][]);
  return row as QueueRow;
}

export function createQueuesService(deps: QueuesServiceDeps) {
  const { uow, dao, notifier, findUser } = deps;
  const mohExists = deps.musicOnHoldExists ?? (async () => true);

  async function queueIn(tx: Tx, scope: TenantScope, id: number): Promise<Queue> {
    const queue = await dao.find(tx, scope, id);
    if (!queue) throw notFound('Queue', { id });
    return queue;
  }

  async function userIn(tx: Tx, scope: TenantScope, key: UserKey) {
    const user = await findUser(tx, scope, key);
    if (!user) throw userNotFound(key);
    return user;
  }

  /** Wazo's create/edit checks after the schema: name, wait destinations, music on hold. */
  async function validate(tx: Tx, tenantUuid: string, input: QueueCreate | QueueEdit, id?: number) {
    const name = 'name' in input ? input.name : undefined;
    if (name !== undefined) {
      const holder = await dao.idByName(tx, name);
      if (holder !== null && holder !== id) throw resourceExists('Queue', { name });
      if (await dao.groupNamed(tx, name)) throw resourceExists('Group', { name });
    }
    const destinations = new Map<WaitField, Destination | null>();
    for (const field of WAIT_FIELDS) {
      const raw = input[field];
      if (raw === undefined) continue;
      if (raw === null) {
        destinations.set(field, null);
        continue;
      }
      const check = checkDestination(raw);
      if ('errors' in check) throw inputError(`${field}: {${formatCriteria(check.errors)}}`);
      const missing = await missingTarget(tx, tenantUuid, check.destination);
      if (missing) throw referenceNotFound('actionarg1', missing.resource, { actionarg1: missing.id });
      destinations.set(field, check.destination);
    }
    const moh = input.music_on_hold;
    if (moh && moh !== 'default' && !(await mohExists(tx, tenantUuid, moh))) {
      throw referenceNotFound('music_on_hold', 'MOH', { music_on_hold: moh });
    }
    return destinations;
  }

  return {
    search: (scope: TenantScope, params: SearchParams): Promise<SearchResult<Queue>> =>
      uow.read((tx) => dao.search(tx, scope, params)),

    get: (scope: TenantScope, id: number): Promise<Queue> => uow.read((tx) => queueIn(tx, scope, id)),

    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create: (scope: TenantScope, tenantUuid: string, input: QueueCreate): Promise<Queue> =>
      uow.run(async (tx) => {
        if (!scope.tenantUuids.includes(tenantUuid)) throw notFound('Tenant', { uuid: tenantUuid });
        const destinations = await validate(tx, tenantUuid, input);
        const row = {
          options: mergeQueueOptions([]),
          ...rowOf(input),
          tenant_uuid: tenantUuid,
          name: input.name,
        };
        const id = await dao.create(tx, scope, row);
        if (id === null) throw notFound('Tenant', { uuid: tenantUuid });
        for (const [field, destination] of destinations)
          await dao.setWaitDestination(tx, id, field, destination);
        const queue = await queueIn(tx, scope, id);
        notifier.created(tx, queue);
        return queue;
      }),

    /** Changes the given fields; the name stays. */
    edit: (scope: TenantScope, id: number, changes: QueueEdit): Promise<void> =>
      uow.run(async (tx) => {
        const queue = await queueIn(tx, scope, id);
        const destinations = await validate(tx, queue.tenant_uuid, changes, queue.id);
        await dao.update(tx, queue.id, rowOf(changes));
        for (const [field, destination] of destinations)
          await dao.setWaitDestination(tx, id, field, destination);
        notifier.edited(tx, queue);
      }),

    /** Deletes it: its extension is freed, its members, schedule and fallbacks go, and destinations to it. */
    delete: (scope: TenantScope, id: number): Promise<void> =>
      uow.run(async (tx) => {
        const queue = await queueIn(tx, scope, id);
        await dao.delete(tx, queue.id);
        notifier.deleted(tx, queue);
      }),

    associateExtension: (scope: TenantScope, id: number, extensionId: number): Promise<void> =>
      uow.run(async (tx) => {
        const queue = await queueIn(tx, scope, id);
        const extension = await deps.extensions.find(tx, scope, extensionId);
        if (!extension) throw notFound('Extension', { id: extensionId });
        const own = await dao.extensionOf(tx, queue.id);
        if (own === extension.id) return;
        checkQueueExtension(queue, extension);
        if (own !== null)
          throw resourceAssociated('Queue', 'Extension', { queue_id: queue.id, extension_id: own });
        const other = await dao.extensionUser(tx, extension.id);
        if (other?.kind === 'queue') {
          throw resourceAssociated('Queue', 'Extension', { queue_id: other.id, extension_id: extension.id });
        }
        if (other) {
          throw resourceAssociated('Extension', other.kind, {
            extension_id: extension.id,
            associated_id: other.id,
          });
        }
        const context = await deps.contexts.findByName(tx, scope, extension.context);
        if (!context) throw notFound('Context', { name: extension.context });
        checkQueueExtensionContext(extension, context);
        await dao.setExtension(tx, queue.id, extension.id);
        notifier.extensionAssociated(tx, queue, extension.id);
      }),

    dissociateExtension: (scope: TenantScope, id: number, extensionId: number): Promise<void> =>
      uow.run(async (tx) => {
        const queue = await queueIn(tx, scope, id);
        const extension = await deps.extensions.find(tx, scope, extensionId);
        if (!extension) throw notFound('Extension', { id: extensionId });
        if ((await dao.extensionOf(tx, queue.id)) !== extension.id) return;
        await dao.setExtension(tx, queue.id, null);
        notifier.extensionDissociated(tx, queue, extension.id);
      }),

    associateSchedule: (scope: TenantScope, id: number, scheduleId: number): Promise<void> =>
      uow.run(async (tx) => {
        const queue = await queueIn(tx, scope, id);
        const schedule = await deps.schedules.find(tx, scope, scheduleId);
        if (!schedule) throw notFound('Schedule', { id: scheduleId });
        const own = await dao.scheduleOf(tx, queue.id);
        if (own === schedule.id) return;
        if (queue.tenant_uuid !== schedule.tenant_uuid) {
          throw differentTenants({
            queue_tenant_uuid: queue.tenant_uuid,
            schedule_tenant_uuid: schedule.tenant_uuid,
          });
        }
        if (own !== null)
          throw resourceAssociated('Queue', 'Schedule', { queue_id: queue.id, schedule_id: own });
        await dao.setSchedule(tx, queue.id, schedule.id);
        notifier.scheduleAssociated(tx, queue, schedule.id);
      }),

    dissociateSchedule: (scope: TenantScope, id: number, scheduleId: number): Promise<void> =>
      uow.run(async (tx) => {
        const queue = await queueIn(tx, scope, id);
        const schedule = await deps.schedules.find(tx, scope, scheduleId);
        if (!schedule) throw notFound('Schedule', { id: scheduleId });
        if ((await dao.scheduleOf(tx, queue.id)) !== schedule.id) return;
        await dao.setSchedule(tx, queue.id, null);
        notifier.scheduleDissociated(tx, queue, schedule.id);
      }),

    /** The agent is a member with this penalty and priority (0 when absent). */
    associateAgent: (
      scope: TenantScope,
      id: number,
      agentId: number,
      body: QueueMemberAgentBody,
    ): Promise<void> =>
      uow.run(async (tx) => {
        const queue = await queueIn(tx, scope, id);
        const agent = await deps.agents.find(tx, scope, agentId);
        if (!agent) throw notFound('Agent', { id: agentId });
        const penalty = body.penalty ?? 0;
        const priority = body.priority ?? 0;
        if (await dao.memberAgent(tx, queue.id, agent.id)) {
          await dao.setMemberAgent(tx, queue.id, agent.id, penalty, priority);
          return;
        }
        if (queue.tenant_uuid !== agent.tenant_uuid) {
          throw differentTenants({
            queue_tenant_uuid: queue.tenant_uuid,
            agent_tenant_uuid: agent.tenant_uuid,
          });
        }
        await dao.setMemberAgent(tx, queue.id, agent.id, penalty, priority);
        notifier.agentAssociated(tx, queue, agent.id, penalty);
      }),

    dissociateAgent: (scope: TenantScope, id: number, agentId: number): Promise<void> =>
      uow.run(async (tx) => {
        const queue = await queueIn(tx, scope, id);
        const agent = await deps.agents.find(tx, scope, agentId);
        if (!agent) throw notFound('Agent', { id: agentId });
        if (!(await dao.memberAgent(tx, queue.id, agent.id))) return;
        await dao.removeMemberAgent(tx, queue.id, agent.id);
        notifier.agentDissociated(tx, queue, agent.id);
      }),

    /** The user (with a line, not sharing one with another member) is a member with this priority. */
    associateUser: (scope: TenantScope, id: number, key: UserKey, body: QueueMemberUserBody): Promise<void> =>
      uow.run(async (tx) => {
        const queue = await queueIn(tx, scope, id);
        const user = await userIn(tx, scope, key);
        const priority = body.priority ?? 0;
        if (await dao.memberUser(tx, queue.id, user.id)) {
          await dao.setMemberUser(tx, queue.id, user.id, priority);
          return;
        }
        if (queue.tenant_uuid !== user.tenant_uuid) {
          throw differentTenants({
            queue_tenant_uuid: queue.tenant_uuid,
            user_tenant_uuid: user.tenant_uuid,
          });
        }
        const members = await dao.memberUserIds(tx, queue.id);
        const lines = await dao.firstLines(tx, [...members, user.id]);
        const line = lines.get(user.id);
        if (line === undefined) {
          throw resourceError(
            `User must be associated with a Line (${formatCriteria({ user_uuid: user.uuid })})`,
          );
        }
        if (members.some((member) => lines.get(member) === line)) {
          throw resourceError(
            `Operation not permitted. Cannot associate different users with the same line (${formatCriteria({ line_id: line })})`,
          );
        }
        await dao.setMemberUser(tx, queue.id, user.id, priority);
        notifier.userAssociated(tx, queue, user);
      }),

    dissociateUser: (scope: TenantScope, id: number, key: UserKey): Promise<void> =>
      uow.run(async (tx) => {
        const queue = await queueIn(tx, scope, id);
        const user = await userIn(tx, scope, key);
        if (!(await dao.memberUser(tx, queue.id, user.id))) return;
        await dao.removeMemberUser(tx, queue.id, user.id);
        notifier.userDissociated(tx, queue, user);
      }),
  };
}

export type QueuesService = ReturnType<typeof createQueuesService>;
