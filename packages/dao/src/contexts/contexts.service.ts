/**
 * The contexts service: the public API for contexts. A context's name is computed once, at
 * creation, from the tenant's slug, its type and its uuid (`ctx-{slug}-{type}-{uuid}`), as
 * wazo-confd does; a later change of type keeps the name.
 */
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import { type ExtenRun, listRangeRuns, type RangeListOptions, type RangeType } from './context-ranges.js';
import type { ContextsDao } from './contexts.dao.js';
import {
  type Context,
  type ContextCreate,
  type ContextEdit,
  type ContextRanges,
  contextName,
  RANGE_KINDS,
  type RangeInput,
} from './contexts.model.js';
import type { ContextsNotifier } from './contexts.notifier.js';
import type { ContextsValidator } from './contexts.validator.js';

export interface ContextsServiceDeps {
  uow: UnitOfWork;
  dao: ContextsDao;
  validator: ContextsValidator;
  notifier: ContextsNotifier;
  /** Source of context uuids; random by default. */
  newUuid?: () => string;
}

const toRange = (range: RangeInput) => ({ start: range.start, end: range.end || range.start });

/** Ranges as stored: `end` defaults to `start`, incall `did_length` to 0; absent lists stay absent. */
function normalizeRanges(input: ContextEdit): Partial<ContextRanges> {
  const ranges: Partial<ContextRanges> = {};
  for (const list of RANGE_KINDS) {
    const given: RangeInput[] | undefined = input[list];
    if (given === undefined) continue;
    if (list === 'incall_ranges') {
      ranges.incall_ranges = given.map((r) => ({ ...toRange(r), did_length: r.did_length ?? 0 }));
    } else {
      ranges[list] = given.map(toRange);
    }
  }
  return ranges;
}

export function createContextsService(deps: ContextsServiceDeps) {
  const { uow, dao, validator, notifier } = deps;
  const newUuid = deps.newUuid ?? (() => globalThis.crypto.randomUUID());

  async function getIn(tx: Tx, scope: TenantScope, id: number): Promise<Context> {
    const context = await dao.find(tx, scope, id);
    if (!context) throw notFound('Context', { id });
    return context;
  }

  async function tenantSlug(tx: Tx, scope: TenantScope, tenantUuid: string): Promise<string> {
    const slug = await dao.tenantSlug(tx, scope, tenantUuid);
    if (slug === undefined) throw notFound('Tenant', { uuid: tenantUuid });
    // Wazo formats a tenant without slug as Python's None.
    return slug ?? 'None';
  }

  return {
    search: (scope: TenantScope, params: SearchParams): Promise<SearchResult<Context>> =>
      uow.read((tx) => dao.search(tx, scope, params)),

    get: (scope: TenantScope, id: number): Promise<Context> => uow.read((tx) => getIn(tx, scope, id)),

    /** The runs of free (or all) extens in the context's ranges of one type, as Wazo lists them. */
    ranges: (
      scope: TenantScope,
      id: number,
      type: RangeType,
      options: RangeListOptions,
    ): Promise<SearchResult<ExtenRun>> =>
      uow.read(async (tx) => {
        const context = await getIn(tx, scope, id);
        const list = type === 'conference' ? 'conference_room_ranges' : (`${type}_ranges` as const);
        const used = options.availability === 'all' ? new Set<string>() : await dao.extensOf(tx, id);
        return listRangeRuns(context[list], type, used, options);
      }),

    /** The context of that name among the scope's tenants, or null. */
    findByName: (scope: TenantScope, name: string): Promise<Context | null> =>
      uow.read((tx) => dao.findByName(tx, scope, name)),

    /** Creates in `tenantUuid`, which must be among the caller's tenants (else Tenant not found). */
    create: (scope: TenantScope, tenantUuid: string, input: ContextCreate): Promise<Context> =>
      uow.run(async (tx) => {
        await validator.validateCreate(tx, input);
        const uuid = newUuid();
        const type = input.type ?? 'internal';
        const ranges = normalizeRanges(input);
        const context = await dao.create(tx, scope, {
          uuid,
          tenant_uuid: tenantUuid,
          name: contextName(await tenantSlug(tx, scope, tenantUuid), type, uuid),
          label: input.label,
          type,
          description: input.description ?? null,
          enabled: input.enabled ?? true,
          user_ranges: ranges.user_ranges ?? [],
          group_ranges: ranges.group_ranges ?? [],
          queue_ranges: ranges.queue_ranges ?? [],
          conference_room_ranges: ranges.conference_room_ranges ?? [],
          incall_ranges: ranges.incall_ranges ?? [],
        });
        if (!context) throw notFound('Tenant', { uuid: tenantUuid });
        notifier.created(tx, context);
        return context;
      }),

    edit: (scope: TenantScope, id: number, input: ContextEdit): Promise<void> =>
      uow.run(async (tx) => {
        const context = await getIn(tx, scope, id);
        await validator.validateEdit(tx, context, input);
        const edited: Context = {
          ...context,
          ...(input.label !== undefined ? { label: input.label } : {}),
          ...(input.type !== undefined ? { type: input.type } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
          ...normalizeRanges(input),
        };
        if (!(await dao.edit(tx, scope, edited))) throw notFound('Context', { id });
        notifier.edited(tx, edited);
      }),

    delete: (scope: TenantScope, id: number): Promise<void> =>
      uow.run(async (tx) => {
        const context = await getIn(tx, scope, id);
        await validator.validateDelete(tx, scope, context);
        if (!(await dao.delete(tx, scope, context))) throw notFound('Context', { id });
        notifier.deleted(tx, context);
      }),
  };
}

export type ContextsService = ReturnType<typeof createContextsService>;
