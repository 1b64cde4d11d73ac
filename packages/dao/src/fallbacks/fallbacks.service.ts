/**
 * The fallbacks service: read and replace a user's or a group's fallbacks. The owner is looked
 * up in the caller's scope (404 otherwise); each destination is checked as a schedule's is (the
 * service's own check, whoever calls); one `<owner>_fallback_edited` event per change.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { formatCriteria, inputError, notFound, referenceNotFound } from '../errors.js';
import type { Destination } from '../schedules/destination.js';
import { checkDestination } from '../schedules/destination-check.js';
import { missingMoh, missingTarget, nameDestinationsIn } from '../schedules/destination-names.js';
import type { TenantScope } from '../search/search.js';
import type { FallbacksDao, FallbackTable } from './fallbacks.dao.js';
import type { Fallbacks } from './fallbacks.model.js';

/** What the service needs of an owner kind (users, groups): its table, events, lookup, event. */
export interface FallbackOwnerKind<O extends Owner> extends FallbackTable {
  resource: 'User' | 'Group' | 'CallFilter' | 'Queue';
  events: readonly string[];
  find(tx: Tx, scope: TenantScope, key: string | number): Promise<O | null>;
  /** Queues the owner's `<owner>_fallback_edited` event. */
  edited(tx: Tx, owner: O): void;
}

type Owner = { id: number; tenant_uuid: string };

export interface FallbacksServiceDeps<O extends Owner> {
  uow: UnitOfWork;
  dao: FallbacksDao;
  kind: FallbackOwnerKind<O>;
}

const field = (event: string) => `${event}_destination`;

/** The destinations of `input` by event, checked; null and absent events have none. */
function destinationsOf(events: readonly string[], input: Record<string, unknown>): Map<string, Destination> {
  const destinations = new Map<string, Destination>();
  for (const event of events) {
    const raw = input[field(event)];
    if (raw === undefined || raw === null) continue;
    const check = checkDestination(raw);
    if ('errors' in check) throw inputError(`${field(event)}: {${formatCriteria(check.errors)}}`);
    destinations.set(event, check.destination);
  }
  return destinations;
}

export function createFallbacksService<O extends Owner>({ uow, dao, kind }: FallbacksServiceDeps<O>) {
  async function ownerIn(tx: Tx, scope: TenantScope, key: string | number): Promise<O> {
    const owner = await kind.find(tx, scope, key);
    if (!owner)
      throw notFound(kind.resource, /^\d+$/.test(String(key)) ? { id: Number(key) } : { uuid: key });
    return owner;
  }

  return {
    get: (scope: TenantScope, key: string | number): Promise<Fallbacks> =>
      uow.read(async (tx) => {
        const stored = await dao.read(tx, kind, (await ownerIn(tx, scope, key)).id);
        const fallbacks = Object.fromEntries(
          kind.events.map((event) => [field(event), stored.get(event) ?? null]),
        );
        return nameDestinationsIn(tx, fallbacks);
      }),

    update: (scope: TenantScope, key: string | number, input: Record<string, unknown>): Promise<void> =>
      uow.run(async (tx) => {
        const owner = await ownerIn(tx, scope, key);
        const destinations = destinationsOf(kind.events, input);
        // The user or group a destination names must exist, in the owner's tenant.
        for (const destination of destinations.values()) {
          const missing = await missingTarget(tx, owner.tenant_uuid, destination);
          if (missing) throw referenceNotFound('actionarg1', missing.resource, { actionarg1: missing.id });
          const moh = await missingMoh(tx, owner.tenant_uuid, destination);
          if (moh) throw referenceNotFound('moh_uuid', 'MOH', { moh_uuid: moh });
        }
        await dao.replace(tx, kind, owner.id, destinations);
        kind.edited(tx, owner);
      }),
  };
}

export type FallbacksService = ReturnType<typeof createFallbacksService<Owner>>;
