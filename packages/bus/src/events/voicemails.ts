/** wazo-confd's voicemail events, and those of a user's voicemail. */
import { defineEvent } from './define.js';

export interface VoicemailPayload {
  id: number;
}

const voicemailCrud = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<VoicemailPayload>()({ name, routingKey, scope: 'tenant', service: 'confd' });

export const voicemailCreated = voicemailCrud('voicemail_created', 'config.voicemail.created');
export const voicemailEdited = voicemailCrud('voicemail_edited', 'config.voicemail.edited');
export const voicemailDeleted = voicemailCrud('voicemail_deleted', 'config.voicemail.deleted');

export interface UserVoicemailPayload {
  user_uuid: string;
  voicemail_id: number;
}

const userVoicemail = <const N extends string>(name: N, routingKey: string) =>
  defineEvent<UserVoicemailPayload>()({ name, routingKey, scope: 'user', service: 'confd' });

/** Sent for each user of a voicemail that is edited. */
export const userVoicemailEdited = userVoicemail(
  'user_voicemail_edited',
  'config.users.{user_uuid}.voicemails.edited',
);
export const userVoicemailAssociated = userVoicemail(
  'user_voicemail_associated',
  'config.users.{user_uuid}.voicemails.updated',
);
export const userVoicemailDissociated = userVoicemail(
  'user_voicemail_dissociated',
  'config.users.{user_uuid}.voicemails.deleted',
);
