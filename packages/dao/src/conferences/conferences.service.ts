/**
 * The conferences service: list, read, create, edit (what is given changes), delete (with the
 * destinations and function keys to it, as Wazo's dialactions and func keys go with it).
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { ConferencesDao } from './conferences.dao.js';
import type { Conference, ConferenceInput, ConferenceRow } from './conferences.model.js';
import type { ConferencesNotifier } from './conferences.notifier.js';
import { checkDigits } from './digits.js';

export interface ConferencesServiceDeps {
  uow: UnitOfWork;
  dao: ConferencesDao;
  notifier: ConferencesNotifier;
}

/** Wazo's defaults: 50 users, announcing only the first user, nothing else on. */
const DEFAULTS: Omit<ConferenceRow, 'tenant_uuid'> = {
  name: null,
  preprocess_subroutine: null,
  max_users: 50,
  record: false,
  pin: null,
  admin_pin: null,
  quiet_join_leave: false,
  announce_join_leave: false,
  announce_user_count: false,
  announce_only_user: true,
  music_on_hold: null,
};

function rowOf(tenantUuid: string, base: Omit<ConferenceRow, 'tenant_uuid'>, changes: ConferenceInput) {
  checkDigits({ pin: changes.pin, admin_pin: changes.admin_pin });
  const row: ConferenceRow = { tenant_uuid: tenantUuid, ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    const value = changes[key] !== undefined ? changes[key] : base[key];
    (row as Record<string, unknown>)[key] = value;
  }
  return row;
}

const missing = (id: number) => notFound('Conference', { id });

export function createConferencesService({ uow, dao, notifier }: ConferencesServiceDeps) {
  async function existing(tx: Tx, scope: TenantScope, id: number): Promise<Conference> {
    const conference = await dao.find(tx, scope, id);
    if (!conference) throw missing(id);
    return conference;
  }

  return {
    search(scope: TenantScope, params: SearchParams): Promise<SearchResult<Conference>> {
      return uow.read((tx) => dao.search(tx, scope, params));
    },

    get(scope: TenantScope, id: number): Promise<Conference> {
      return uow.read((tx) => existing(tx, scope, id));
    },

    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create(scope: TenantScope, tenantUuid: string, input: ConferenceInput): Promise<Conference> {
      return uow.run(async (tx) => {
        const row = rowOf(tenantUuid, DEFAULTS, input);
        const conference = await dao.create(tx, scope, row);
        if (!conference) throw notFound('Tenant', { uuid: tenantUuid });
        notifier.created(tx, conference);
        return conference;
      });
    },

    edit(scope: TenantScope, id: number, changes: ConferenceInput): Promise<Conference> {
      return uow.run(async (tx) => {
        const conference = await existing(tx, scope, id);
        const edited = await dao.update(tx, scope, id, rowOf(conference.tenant_uuid, conference, changes));
        if (!edited) throw missing(id);
        notifier.edited(tx, edited);
        return edited;
      });
    },

    delete(scope: TenantScope, id: number): Promise<void> {
      return uow.run(async (tx) => {
        const conference = await existing(tx, scope, id);
        await dao.delete(tx, scope, id);
        notifier.deleted(tx, conference);
      });
    },
  };
}

export type ConferencesService = ReturnType<typeof createConferencesService>;
