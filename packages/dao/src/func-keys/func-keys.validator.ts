/**
 * Checks on function keys, in Wazo's order and words: positions and destination types a template
 * may hold (marshmallow's errors), each key's label and destination (the resource it names must
 * exist in the template's tenant), then one key per destination.
 */
import type { Tx } from '../db/unit-of-work.js';
import {
  formatCriteria,
  inputError,
  pythonRepr,
  referenceNotFound,
  resourceError,
  resourceExists,
} from '../errors.js';
import type { FindUser } from '../group-members/user-ref.js';
import { scopeOf, type TenantScope } from '../search/search.js';
import {
  destinationIdentity,
  type FuncKeyDestinationInput,
  USER_ONLY_DESTINATIONS,
} from './func-key-destinations.js';
import type { FuncKeyInput } from './func-keys.model.js';

/** Looks up a group by id in a scope (the groups resource's find). */
export type FindGroup = (tx: Tx, scope: TenantScope, id: number) => Promise<{ id: number } | null>;

/** Looks up a resource by id in a scope. */
export type FindById = (tx: Tx, scope: TenantScope, id: number) => Promise<{ id: number } | null>;

/** Whether a call filter member of the tenant has this id (the call filters resource's lookup). */
export type FilterMemberExists = (tx: Tx, tenantUuid: string, memberId: number) => Promise<boolean>;
/** Whether the user is a recipient or a surrogate of some call filter. */
export type IsFilterMember = (tx: Tx, userId: number) => Promise<boolean>;

export interface FuncKeysValidatorDeps {
  findUser: FindUser;
  findGroup: FindGroup;
  filterMemberExists: FilterMemberExists;
  isFilterMember: IsFilterMember;
  findAgent: FindById;
  findQueue: FindById;
  /** The conference, paging or parking lot a key names, in a tenant (their resources' finds). */
  findConference: FindById;
  findPaging: FindById;
  findParkingLot: (
    tx: Tx,
    scope: TenantScope,
    id: number,
  ) => Promise<{ id: number; slots_start: string; slots_end: string; extensions: unknown[] } | null>;
}

const SPECIAL = /[\n\r\t;]/;
const dict = (errors: Record<string, unknown>) => `{${formatCriteria(errors)}}`;

function checkText(field: string, value: unknown): void {
  if (typeof value === 'string' && SPECIAL.test(value)) {
    throw inputError(
      `field '${field}': wrong type. Should be a string without special characters (\\n \\r \\t ;) (${formatCriteria({ [field]: value })})`,
      { field },
    );
  }
}

/** A path or `keys` position as Wazo's Integer(min 1) field reads it; undefined when it is not one. */
export function positionOf(raw: string): number | undefined {
  return /^[0-9]{1,9}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : undefined;
}

/** `Input Error - position: [{'constraint_id': 'range', ...}]`, as Wazo's xivo.mallow Range. */
function positionOutside(min: number, max: number) {
  const message = `Must be greater than or equal to ${min} and less than or equal to ${max}.`;
  const detail = { constraint_id: 'range', constraint: { min, max }, message };
  return inputError(`position: ${pythonRepr([detail])}`, { field: 'position' });
}

export function createFuncKeysValidator(deps: FuncKeysValidatorDeps) {
  /** Conferences, pagings and parking lots exist in the tenant; a park position is in the lot's slots; a parking lot has its extension. */
  async function checkConferenceGroup(tx: Tx, tenantUuid: string, destination: FuncKeyDestinationInput) {
    const scope = scopeOf(tenantUuid);
    if (destination.type === 'conference') {
      const id = destination.conference_id as number;
      if (!(await deps.findConference(tx, scope, id))) {
        throw referenceNotFound('conference_id', 'Conference', { conference_id: id });
      }
    }
    if (destination.type === 'paging') {
      const id = destination.paging_id as number;
      if (!(await deps.findPaging(tx, scope, id)))
        throw referenceNotFound('paging_id', 'Paging', { paging_id: id });
    }
    if (destination.type === 'parking' || destination.type === 'park_position') {
      const id = destination.parking_lot_id as number;
      const lot = await deps.findParkingLot(tx, scope, id);
      if (!lot) throw referenceNotFound('parking_lot_id', 'ParkingLot', { parking_lot_id: id });
      if (destination.type === 'parking' && lot.extensions.length === 0) {
        throw resourceError(
          `ParkingLot must be associated with a Extension (${formatCriteria({ parking_lot_id: id })})`,
        );
      }
      const position = Number(destination.position);
      const [min, max] = [Number(lot.slots_start), Number(lot.slots_end)];
      if (destination.type === 'park_position' && !(min <= position && position <= max)) {
        throw positionOutside(min, max);
      }
    }
  }

  const { findUser, findGroup, filterMemberExists, isFilterMember } = deps;
  const found: Record<string, [field: string, resource: string, find: FindById]> = {
    agent: ['agent_id', 'Agent', deps.findAgent],
    queue: ['queue_id', 'Queue', deps.findQueue],
  };
  async function checkDestination(tx: Tx, tenantUuid: string, destination: FuncKeyDestinationInput) {
    const target = found[destination.type];
    if (target) {
      const [field, resource, find] = target;
      const id = destination[field] as number;
      if (!(await find(tx, scopeOf(tenantUuid), id)))
        throw referenceNotFound(field, resource, { [field]: id });
    }
    if (destination.type === 'custom' || destination.type === 'forward')
      checkText('exten', destination.exten);
    if (destination.type === 'user') {
      const userId = destination.user_id as number;
      if (!(await findUser(tx, scopeOf(tenantUuid), userId))) {
        throw referenceNotFound('user_id', 'User', { user_id: userId });
      }
    }
    if (destination.type === 'bsfilter') {
      const memberId = destination.filter_member_id as number;
      if (!(await filterMemberExists(tx, tenantUuid, memberId))) {
        throw referenceNotFound('filter_member_id', 'FilterMember', { filter_member_id: memberId });
      }
    }
    await checkConferenceGroup(tx, tenantUuid, destination);
    if (destination.type === 'group' || destination.type === 'groupmember') {
      const groupId = destination.group_id as number;
      if (!(await findGroup(tx, scopeOf(tenantUuid), groupId))) {
        throw referenceNotFound('group_id', 'Group', { group_id: groupId });
      }
    }
  }

  return {
    /** `keys` of a body: each name a position, and (on creation) no user-only destination. */
    checkKeys(keys: Record<string, FuncKeyInput>, excludeUserOnly: boolean): void {
      for (const [raw, key] of Object.entries(keys)) {
        if (!/^-?[0-9]+$/.test(raw)) throw inputError("keys: ['Not a valid integer.']", { field: 'keys' });
        if (positionOf(raw) === undefined) {
          throw inputError("keys: ['Must be greater than or equal to 1.']", { field: 'keys' });
        }
        if (excludeUserOnly) this.checkExcluded(key, raw);
      }
    },

    /**
     * Wazo refuses agent and bsfilter keys where no user is known (a template's), worded as a
     * schema error of the key at `position` of `keys`, or of the body's `destination`.
     */
    checkExcluded(key: FuncKeyInput, position?: string): void {
      const type = key.destination.type;
      if (!USER_ONLY_DESTINATIONS.includes(type)) return;
      const errors = { type: [`The "${type}" funckey are excluded`] };
      const message =
        position === undefined
          ? `destination: ${dict(errors)}`
          : `keys: ${dict({ [position]: { destination: errors } })}`;
      throw inputError(message, { field: position === undefined ? 'destination' : 'keys' });
    },

    /** Each key's label and destination in the template's tenant, then no destination twice. */
    async validateKeys(tx: Tx, tenantUuid: string, keys: FuncKeyInput[]): Promise<void> {
      for (const key of keys) {
        checkText('label', key.label);
        await checkDestination(tx, tenantUuid, key.destination);
      }
      const seen = new Set<string>();
      for (const key of keys) {
        const identity = destinationIdentity(key.destination);
        const hash = JSON.stringify(identity);
        if (seen.has(hash)) throw resourceExists('destination', identity);
        seen.add(hash);
      }
    },

    /** A user's own bsfilter key needs the user in a call filter, as a recipient or a surrogate. */
    async checkUserKey(tx: Tx, userId: number, key: FuncKeyInput): Promise<void> {
      if (key.destination.type === 'bsfilter' && !(await isFilterMember(tx, userId))) {
        throw resourceError(
          `User must be associated with a BSFilter (${formatCriteria({ user_id: userId })})`,
        );
      }
    },
  };
}

export type FuncKeysValidator = ReturnType<typeof createFuncKeysValidator>;
