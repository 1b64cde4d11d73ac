/**
 * Checks on IVRs that need data, worded as wazo-confd words them: each destination's target
 * (user, group, voicemail, IVR, application...) exists in the IVR's tenant, a user destination's
 * music on hold too, and no two choices have the same exten.
 */
import type { Tx } from '../db/unit-of-work.js';
import { inputError, referenceNotFound } from '../errors.js';
import type { Destination } from '../schedules/destination.js';
import { missingMoh, missingTarget } from '../schedules/destination-names.js';

/**
 * Wazo's destination check of one destination owned in `tenantUuid`: the target it names exists,
 * and a user destination's `moh_uuid` names a music on hold class, both in that tenant.
 */
export async function checkDestinationTargets(
  tx: Tx,
  tenantUuid: string,
  destination: Destination,
): Promise<void> {
  const missing = await missingTarget(tx, tenantUuid, destination);
  if (missing) throw referenceNotFound('actionarg1', missing.resource, { actionarg1: missing.id });
  const moh = await missingMoh(tx, tenantUuid, destination);
  if (moh) throw referenceNotFound('moh_uuid', 'MOH', { moh_uuid: moh });
}

export function createIvrValidator() {
  return {
    /** The destinations and choices about to be written for an IVR of `tenantUuid`. */
    async validate(
      tx: Tx,
      tenantUuid: string,
      destinations: (Destination | null | undefined)[],
      choices: { exten: string; destination: Destination }[] | undefined,
    ): Promise<void> {
      for (const destination of destinations)
        if (destination) await checkDestinationTargets(tx, tenantUuid, destination);
      const extens = new Set<string>();
      for (const choice of choices ?? []) {
        if (extens.has(choice.exten))
          throw inputError(`exten '${choice.exten}' used in more than one choice`);
        extens.add(choice.exten);
        await checkDestinationTargets(tx, tenantUuid, choice.destination);
      }
    },
  };
}

export type IvrValidator = ReturnType<typeof createIvrValidator>;
