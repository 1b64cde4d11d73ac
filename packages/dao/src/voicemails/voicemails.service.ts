/** The voicemails' public API: search, get, create, edit, delete, with their events. */
import type { ContextsDao } from '../contexts/contexts.dao.js';
import type { Context } from '../contexts/contexts.model.js';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notFound } from '../errors.js';
import type { FallbacksDao } from '../fallbacks/fallbacks.dao.js';
import type { SearchParams, SearchResult, TenantScope } from '../search/search.js';
import type { VoicemailsDao } from './voicemails.dao.js';
import type { Voicemail, VoicemailCreate, VoicemailEdit, VoicemailRow } from './voicemails.model.js';
import type { VoicemailsNotifier } from './voicemails.notifier.js';
import type { VoicemailsValidator } from './voicemails.validator.js';

export interface VoicemailsServiceDeps {
  uow: UnitOfWork;
  dao: VoicemailsDao;
  validator: VoicemailsValidator;
  notifier: VoicemailsNotifier;
  contexts: Pick<ContextsDao, 'findByName'>;
  /** Users' and groups' fallbacks, which go with the voicemail they send calls to. */
  fallbacks: Pick<FallbacksDao, 'removeDestinationsTo'>;
}

type Fields = Omit<Voicemail, 'id' | 'tenant_uuid' | 'users' | 'context'>;

/** Wazo's defaults: asks the password, keeps messages, enabled, personal, no options. */
const DEFAULTS: Fields = {
  name: '',
  number: '',
  password: null,
  email: null,
  pager: null,
  language: null,
  timezone: null,
  max_messages: null,
  attach_audio: null,
  delete_messages: false,
  ask_password: true,
  enabled: true,
  options: [],
  accesstype: 'personal',
};

function rowOf(base: Fields, changes: VoicemailEdit, context: Context): VoicemailRow {
  const { context: _, ...given } = changes;
  const fields = { ...base, ...given } as Fields;
  const row = Object.fromEntries(Object.keys(DEFAULTS).map((key) => [key, fields[key as keyof Fields]]));
  return { ...(row as Fields), tenant_uuid: context.tenant_uuid, context_id: context.id };
}

const missing = (id: number) => notFound('Voicemail', { id });

export function createVoicemailsService(deps: VoicemailsServiceDeps) {
  const { uow, dao, validator, notifier, contexts, fallbacks } = deps;

  async function existing(tx: Tx, scope: TenantScope, id: number): Promise<Voicemail> {
    const voicemail = await dao.find(tx, scope, id);
    if (!voicemail) throw missing(id);
    return voicemail;
  }

  async function contextOf(tx: Tx, scope: TenantScope, name: string): Promise<Context> {
    return validator.checkContext(name, await contexts.findByName(tx, scope, name));
  }

  return {
    search(scope: TenantScope, params: SearchParams): Promise<SearchResult<Voicemail>> {
      return uow.read((tx) => dao.search(tx, scope, params));
    },

    get(scope: TenantScope, id: number): Promise<Voicemail> {
      return uow.read((tx) => existing(tx, scope, id));
    },

    /** Creates in the tenant of its context, which must be among the scope's tenants. */
    create(scope: TenantScope, input: VoicemailCreate): Promise<Voicemail> {
      return uow.run(async (tx) => {
        validator.checkBody(input);
        const context = await contextOf(tx, scope, input.context);
        const row = rowOf(DEFAULTS, input, context);
        await validator.validateSave(tx, { ...row, context, users: [] });
        const voicemail = await dao.create(tx, scope, row);
        if (!voicemail) throw notFound('Tenant', { uuid: row.tenant_uuid });
        notifier.created(tx, voicemail);
        return voicemail;
      });
    },

    /** Changes the given fields; a new context moves the voicemail to that context's tenant. */
    edit(scope: TenantScope, id: number, changes: VoicemailEdit): Promise<Voicemail> {
      return uow.run(async (tx) => {
        const voicemail = await existing(tx, scope, id);
        validator.checkBody(changes);
        const context = await contextOf(tx, scope, changes.context ?? voicemail.context);
        const row = rowOf(voicemail, changes, context);
        await validator.validateSave(tx, { ...row, id, context, users: voicemail.users });
        const edited = await dao.update(tx, scope, id, row);
        if (!edited) throw missing(id);
        notifier.edited(tx, edited);
        return edited;
      });
    },

    /**
     * Refused while it serves users; the fallbacks sending calls to it are removed with it, as
     * Wazo's dialactions are (no event of their own, as in Wazo). Schedules keep theirs, as Wazo.
     */
    delete(scope: TenantScope, id: number): Promise<void> {
      return uow.run(async (tx) => {
        const voicemail = await existing(tx, scope, id);
        await validator.validateDelete(tx, voicemail);
        await fallbacks.removeDestinationsTo(tx, 'voicemail', 'voicemail_id', id);
        await dao.delete(tx, scope, id);
        notifier.deleted(tx, voicemail);
      });
    },
  };
}

export type VoicemailsService = ReturnType<typeof createVoicemailsService>;
