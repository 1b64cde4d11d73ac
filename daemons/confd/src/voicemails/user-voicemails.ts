/**
 * A user's voicemail as wazo-confd's user_voicemail middleware composes it from two services: the
 * voicemails and the user ↔ voicemail link. Each call is one transaction.
 */
import type { TenantScope, Voicemail, VoicemailCreate } from '@wazo-ts/dao';
import type { ConfdServices } from '../common/services.js';

type UserKey = number | string;

export function userVoicemailsOf(services: ConfdServices) {
  const { voicemails, userVoicemails } = services;
  const idsOf = async (scope: TenantScope, user: UserKey) =>
    (await userVoicemails.resourcesOf(scope, user)).map((voicemail) => voicemail.id);

  return {
    /** The user's voicemail as a list of zero or one, each as `GET /voicemails/{id}` shows it. */
    list: (scope: TenantScope, user: UserKey): Promise<Voicemail[]> =>
      services.transaction(async () =>
        Promise.all((await idsOf(scope, user)).map((id) => voicemails.get(scope, id))),
      ),

    /** Creates the voicemail, then associates it (a refused association creates nothing). */
    create: (scope: TenantScope, user: UserKey, body: VoicemailCreate): Promise<Voicemail> =>
      services.transaction(async () => {
        const voicemail = await voicemails.create(scope, body);
        await userVoicemails.associate(scope, user, voicemail.id);
        return voicemails.get(scope, voicemail.id);
      }),

    /** Takes the user's voicemail away, if it has one; the voicemail stays. */
    dissociate: (scope: TenantScope, user: UserKey): Promise<void> =>
      services.transaction(async () => {
        for (const id of await idsOf(scope, user)) await userVoicemails.dissociate(scope, user, id);
      }),

    /** `recursive` user delete: dissociates, and deletes the voicemail if it served no one else. */
    remove: (scope: TenantScope, user: UserKey): Promise<void> =>
      services.transaction(async () => {
        for (const id of await idsOf(scope, user)) {
          await userVoicemails.dissociate(scope, user, id);
          if ((await userVoicemails.ownersOf(scope, id)).length === 0) await voicemails.delete(scope, id);
        }
      }),
  };
}
