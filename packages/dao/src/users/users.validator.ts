/**
 * The users validator, as wazo-confd's: e-mail and username unique across the platform (the
 * e-mail without regard to case), the music on hold known to the tenant, and no mobile fallback
 * without a mobile number, and no delete while the user has a voicemail.
 */
import type { Tx } from '../db/unit-of-work.js';
import { referenceNotFound, resourceAssociated, resourceError, resourceExists } from '../errors.js';
import type { UsersDao } from './users.dao.js';
import type { User, UserValues } from './users.model.js';

/** Whether a music-on-hold class exists in a tenant; given by the MOH resource when it exists. */
export type MohExists = (tx: Tx, tenantUuid: string, name: string) => Promise<boolean>;

export interface UsersValidatorDeps {
  dao: Pick<UsersDao, 'findIdByEmail' | 'findIdByUsername'>;
  /** Without it every class is accepted (no MOH resource yet). */
  mohExists?: MohExists;
  /** The id of the user's voicemail, if any; given by the voicemail resource. */
  voicemailIdOf?: (tx: Tx, userUuid: string) => Promise<number | null>;
}

/** The user's fields after the change, and the tenant it belongs to. */
export type UserState = Pick<
  UserValues,
  'email' | 'username' | 'music_on_hold' | 'mobile_fallback_enabled' | 'mobile_phone_number'
> & { tenant_uuid: string };

export function createUsersValidator(deps: UsersValidatorDeps) {
  async function checkUnique(tx: Tx, state: UserState, selfId: number | undefined) {
    if (state.email) {
      const owner = await deps.dao.findIdByEmail(tx, state.email);
      if (owner !== undefined && owner !== selfId) throw resourceExists('User', { email: state.email });
    }
    if (state.username) {
      const owner = await deps.dao.findIdByUsername(tx, state.username);
      if (owner !== undefined && owner !== selfId) throw resourceExists('User', { username: state.username });
    }
  }

  async function checkRules(tx: Tx, state: UserState) {
    const moh = state.music_on_hold;
    if (moh && moh !== 'default' && deps.mohExists && !(await deps.mohExists(tx, state.tenant_uuid, moh))) {
      throw referenceNotFound('music_on_hold', 'MOH', { music_on_hold: moh });
    }
    if (state.mobile_fallback_enabled && !state.mobile_phone_number) {
      throw resourceError('PSTN fallback must be disabled when mobile phone number is not set');
    }
  }

  return {
    async validateCreate(tx: Tx, state: UserState): Promise<void> {
      await checkUnique(tx, state, undefined);
      await checkRules(tx, state);
    },
    async validateEdit(tx: Tx, user: User, state: UserState): Promise<void> {
      await checkUnique(tx, state, user.id);
      await checkRules(tx, state);
    },
    async validateDelete(tx: Tx, user: User): Promise<void> {
      const voicemailId = await deps.voicemailIdOf?.(tx, user.uuid);
      if (voicemailId != null) {
        throw resourceAssociated('User', 'Voicemail', { user_id: user.id, voicemail_id: voicemailId });
      }
    },
  };
}

export type UsersValidator = ReturnType<typeof createUsersValidator>;
