/**
 * The IVRs' public API: search, get, create, edit, delete, each with its event. Deleting an IVR
 * drops every destination row sending calls to it (Wazo's dialactions to an IVR go with it).
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { formatCriteria, inputError, notFound } from '../errors.js';
import type { Destination } from '../schedules/destination.js';
import { checkDestination } from '../schedules/destination-check.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { IvrDao } from './ivr.dao.js';
import {
  IVR_EVENTS,
  type Ivr,
  type IvrCreate,
  type IvrEdit,
  type IvrRow,
  type IvrWrite,
} from './ivr.model.js';
import type { IvrNotifier } from './ivr.notifier.js';
import type { IvrValidator } from './ivr.validator.js';

export interface IvrServiceDeps {
  uow: UnitOfWork;
  dao: IvrDao;
  validator: IvrValidator;
  notifier: IvrNotifier;
}

type Fields = Omit<IvrRow, 'tenant_uuid'>;

/** Wazo's defaults: a 5 second timeout, 3 tries, no other sound, no description. */
function fieldsOf(input: IvrCreate): Fields {
  return {
    name: input.name,
    description: input.description ?? null,
    greeting_sound: input.greeting_sound ?? null,
    menu_sound: input.menu_sound,
    invalid_sound: input.invalid_sound ?? null,
    abort_sound: input.abort_sound ?? null,
    timeout: input.timeout ?? 5,
    max_tries: input.max_tries ?? 3,
  };
}

/** A destination as stored: only its type's fields (a Service API caller's input checked too). */
function cleaned(field: string, raw: unknown): Destination {
  const check = checkDestination(raw);
  if ('errors' in check) throw inputError(`${field}: {${formatCriteria(check.errors)}}`);
  return check.destination;
}

/** The destinations and choices `input` gives (an absent event or choices list: unchanged). */
function relationsOf(input: IvrEdit): Omit<IvrWrite, 'row'> {
  const destinations: IvrWrite['destinations'] = {};
  for (const event of IVR_EVENTS) {
    const value = input[`${event}_destination`];
    if (value !== undefined)
      destinations[event] = value === null ? null : cleaned(`${event}_destination`, value);
  }
  const choices = input.choices?.map((choice) => ({
    exten: choice.exten,
    destination: cleaned('choices', choice.destination),
  }));
  return choices ? { destinations, choices } : { destinations };
}

const missing = (id: number) => notFound('IVR', { id });

export function createIvrService({ uow, dao, validator, notifier }: IvrServiceDeps) {
  async function existing(tx: Tx, scope: TenantScope, id: number): Promise<Ivr> {
    const ivr = await dao.find(tx, scope, id);
    if (!ivr) throw missing(id);
    return ivr;
  }

  async function validated(tx: Tx, tenantUuid: string, relations: Omit<IvrWrite, 'row'>) {
    await validator.validate(tx, tenantUuid, Object.values(relations.destinations), relations.choices);
    return relations;
  }

  return {
    search(scope: TenantScope, params: SearchParams): Promise<SearchResult<Ivr>> {
      return uow.read((tx) => dao.search(tx, scope, params));
    },

    get(scope: TenantScope, id: number): Promise<Ivr> {
      return uow.read((tx) => existing(tx, scope, id));
    },

    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create(scope: TenantScope, tenantUuid: string, input: IvrCreate): Promise<Ivr> {
      return uow.run(async (tx) => {
        if (!scope.tenantUuids.includes(tenantUuid)) throw notFound('Tenant', { uuid: tenantUuid });
        const relations = await validated(tx, tenantUuid, relationsOf(input));
        const row = { tenant_uuid: tenantUuid, ...fieldsOf(input) };
        const ivr = await dao.create(tx, scope, { row, ...relations });
        if (!ivr) throw notFound('Tenant', { uuid: tenantUuid });
        notifier.created(tx, ivr);
        return ivr;
      });
    },

    /** Changes the given fields, destinations and choices; the others keep their value. */
    edit(scope: TenantScope, id: number, changes: IvrEdit): Promise<Ivr> {
      return uow.run(async (tx) => {
        const ivr = await existing(tx, scope, id);
        const relations = await validated(tx, ivr.tenant_uuid, relationsOf(changes));
        const {
          id: _id,
          tenant_uuid,
          invalid_destination,
          timeout_destination,
          abort_destination,
          ...kept
        } = ivr;
        const row = { tenant_uuid, ...fieldsOf({ ...kept, ...changes } as IvrCreate) };
        const edited = await dao.update(tx, scope, id, { row, ...relations });
        if (!edited) throw missing(id);
        notifier.edited(tx, edited);
        return edited;
      });
    },

    /** Deletes it with its choices and destinations; destinations sending calls to it go too. */
    delete(scope: TenantScope, id: number): Promise<void> {
      return uow.run(async (tx) => {
        const ivr = await existing(tx, scope, id);
        await dao.delete(tx, scope, id);
        notifier.deleted(tx, ivr);
      });
    },
  };
}

export type IvrService = ReturnType<typeof createIvrService>;
