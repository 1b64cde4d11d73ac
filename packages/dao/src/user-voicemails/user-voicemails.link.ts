/**
 * The user ↔ voicemail link (`user_voicemail`): at most one voicemail per user (another one is
 * `User is associated with a Voicemail`), associating it again changes nothing, a global voicemail
 * serves no user; `user_voicemail_associated|dissociated {user_uuid, voicemail_id}` for the user.
 */
import { userVoicemailAssociated, userVoicemailDissociated } from '@wazo-ts/bus';
import type { UserRef } from '../group-members/user-ref.js';
import { defineLink, type LinkRules } from '../links/index.js';
import type { Voicemail } from '../voicemails/voicemails.model.js';
import { GLOBAL_WITH_USERS, notPermitted } from '../voicemails/voicemails.validator.js';

/** A voicemail in a user's `voicemail`. */
export interface VoicemailSummary {
  id: number;
  name: string;
}

export interface VoicemailOwner {
  uuid: string;
}

export const userVoicemailLink = defineLink<UserRef, Voicemail, VoicemailOwner, VoicemailSummary>()({
  table: 'user_voicemail',
  owner: { name: 'User', table: 'users', key: 'uuid', column: 'user_uuid', summary: ['uuid'] },
  resource: {
    name: 'Voicemail',
    table: 'voicemail',
    key: 'id',
    column: 'voicemail_id',
    summary: ['id', 'name'],
  },
  perOwner: 'one',
  whenLinked: 'ignore',
  linkedCriteria: (user, voicemailId) => ({ user_id: user.id, voicemail_id: voicemailId }),
  events: {
    associated: userVoicemailAssociated,
    dissociated: userVoicemailDissociated,
    payload: (user, voicemail) => ({ user_uuid: user.uuid, voicemail_id: voicemail.id }),
    scoping: (user) => ({ tenantUuid: user.tenant_uuid, userUuid: user.uuid }),
  },
});

/** Wazo's own rule of this link: a global voicemail is for no user. */
export const userVoicemailRules: LinkRules<UserRef, Voicemail> = {
  validateAssociation(_tx, _scope, _user, voicemail) {
    if (voicemail.accesstype === 'global') throw notPermitted(GLOBAL_WITH_USERS);
  },
};
