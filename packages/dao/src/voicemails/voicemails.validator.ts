/**
 * Checks on voicemails, worded as wazo-confd: the body's cross-field rules, the context among the
 * caller's tenants, one voicemail per number in a context, one global voicemail per context, no
 * global voicemail serving users, and no delete while it serves users.
 */
import type { Context } from '../contexts/contexts.model.js';
import type { Tx } from '../db/unit-of-work.js';
import {
  inputError,
  referenceNotFound,
  resourceAssociated,
  resourceError,
  resourceExists,
} from '../errors.js';
import type { VoicemailsDao } from './voicemails.dao.js';
import type { Voicemail, VoicemailEdit } from './voicemails.model.js';

/** The voicemail as it will be stored, with its context found. */
export interface VoicemailState {
  id?: number;
  number: string;
  accesstype: Voicemail['accesstype'];
  context: Context;
  users: Voicemail['users'];
}

const schemaError = (message: string) => inputError(`_schema: ['${message}']`, { field: '_schema' });
export const notPermitted = (reason: string) => resourceError(`Operation not permitted. ${reason}`);
export const GLOBAL_WITH_USERS = 'A global voicemail cannot be associated to users.';

export interface VoicemailsValidatorDeps {
  dao: Pick<VoicemailsDao, 'findBy' | 'userIdsOf'>;
}

export function createVoicemailsValidator({ dao }: VoicemailsValidatorDeps) {
  return {
    /** Wazo's schema rules, on the body as given (a PUT's other fields are not looked at). */
    checkBody(body: VoicemailEdit): void {
      if (!body.delete_messages) return;
      if (!body.email) throw schemaError('email must be provided if delete_messages is set');
      if (!body.attach_audio) throw schemaError('attach_audio must be set if delete_messages is set');
    },

    /** The context a body names, or `field 'context': Context was not found`. */
    checkContext(name: string, context: Context | null): Context {
      if (!context) throw referenceNotFound('context', 'Context', { context: name });
      return context;
    },

    async validateSave(tx: Tx, state: VoicemailState): Promise<void> {
      const taken = await dao.findBy(tx, { number: state.number, context_id: state.context.id });
      if (taken && taken.id !== state.id) {
        throw resourceExists('Voicemail', { number: state.number, context: state.context.name });
      }
      if (state.accesstype !== 'global') return;
      const global = await dao.findBy(tx, { accesstype: 'global', context_id: state.context.id });
      if (global && global.id !== state.id) {
        throw notPermitted('There can be only one global voicemail per context.');
      }
      if (state.users.length > 0) throw notPermitted(GLOBAL_WITH_USERS);
    },

    async validateDelete(tx: Tx, voicemail: Voicemail): Promise<void> {
      const userIds = await dao.userIdsOf(tx, voicemail.id);
      if (userIds.length > 0) {
        throw resourceAssociated('Voicemail', 'User', {
          voicemail_id: voicemail.id,
          user_ids: userIds.join(', '),
        });
      }
    },
  };
}

export type VoicemailsValidator = ReturnType<typeof createVoicemailsValidator>;
