/**
 * The voicemails' events: voicemail_created/edited/deleted {id} for the voicemail's tenant, and
 * user_voicemail_edited {user_uuid, voicemail_id} for each user of an edited voicemail.
 */
import { userVoicemailEdited, voicemailCreated, voicemailDeleted, voicemailEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Voicemail } from './voicemails.model.js';

type VoicemailIdentity = Pick<Voicemail, 'id' | 'tenant_uuid'>;

export function createVoicemailsNotifier() {
  const tenantOf = (voicemail: VoicemailIdentity) => ({ tenantUuid: voicemail.tenant_uuid });
  return {
    created(tx: Tx, voicemail: VoicemailIdentity): void {
      tx.events.add(voicemailCreated.build({ id: voicemail.id }, tenantOf(voicemail)));
    },
    edited(tx: Tx, voicemail: Pick<Voicemail, 'id' | 'tenant_uuid' | 'users'>): void {
      tx.events.add(voicemailEdited.build({ id: voicemail.id }, tenantOf(voicemail)));
      for (const user of voicemail.users) {
        const payload = { user_uuid: user.uuid, voicemail_id: voicemail.id };
        tx.events.add(userVoicemailEdited.build(payload, { ...tenantOf(voicemail), userUuid: user.uuid }));
      }
    },
    deleted(tx: Tx, voicemail: VoicemailIdentity): void {
      tx.events.add(voicemailDeleted.build({ id: voicemail.id }, tenantOf(voicemail)));
    },
  };
}

export type VoicemailsNotifier = ReturnType<typeof createVoicemailsNotifier>;
