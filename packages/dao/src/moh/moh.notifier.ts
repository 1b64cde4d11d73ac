/** The music on hold events, tenant-wide: moh_created/edited/deleted {uuid, tenant_uuid, name}. */
import { mohCreated, mohDeleted, mohEdited } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';
import type { MohRow } from './moh.model.js';

const payload = (moh: MohRow) => ({ uuid: moh.uuid, tenant_uuid: moh.tenant_uuid, name: moh.name });
const scoping = (moh: MohRow) => ({ tenantUuid: moh.tenant_uuid });

export function createMohNotifier() {
  return {
    created(tx: Tx, moh: MohRow): void {
      tx.events.add(mohCreated.build(payload(moh), scoping(moh)));
    },
    edited(tx: Tx, moh: MohRow): void {
      tx.events.add(mohEdited.build(payload(moh), scoping(moh)));
    },
    deleted(tx: Tx, moh: MohRow): void {
      tx.events.add(mohDeleted.build(payload(moh), scoping(moh)));
    },
  };
}

export type MohNotifier = ReturnType<typeof createMohNotifier>;
