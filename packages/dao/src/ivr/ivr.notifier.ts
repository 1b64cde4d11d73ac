/** The IVRs' events, all tenant-wide: ivr_created/edited/deleted {id}. */
import { ivrCreated, ivrDeleted, ivrEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { Ivr } from './ivr.model.js';

type Identity = Pick<Ivr, 'id' | 'tenant_uuid'>;
const scoping = (ivr: Identity) => ({ tenantUuid: ivr.tenant_uuid });

export function createIvrNotifier() {
  return {
    created(tx: Tx, ivr: Identity): void {
      tx.events.add(ivrCreated.build({ id: ivr.id }, scoping(ivr)));
    },
    edited(tx: Tx, ivr: Identity): void {
      tx.events.add(ivrEdited.build({ id: ivr.id }, scoping(ivr)));
    },
    deleted(tx: Tx, ivr: Identity): void {
      tx.events.add(ivrDeleted.build({ id: ivr.id }, scoping(ivr)));
    },
  };
}

export type IvrNotifier = ReturnType<typeof createIvrNotifier>;
