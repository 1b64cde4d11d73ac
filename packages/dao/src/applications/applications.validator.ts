/**
 * Checks on an application's destination, as Wazo's schema words them: with `destination: node`,
 * `destination_options` must be a node (`type` holding, `music_on_hold` of at most 128
 * characters or null, `answer` a boolean, unknown keys dropped); without, it is ignored. The
 * node's music on hold is a class of the application's tenant (`default` always is).
 */
import type { Tx } from '../db/unit-of-work.js';
import { formatCriteria, inputError, referenceNotFound } from '../errors.js';
import type { FieldSpec } from '../schedules/destination.js';
import { fieldProblem } from '../schedules/destination-check.js';
import type { ApplicationBody, ApplicationNode } from './applications.model.js';

const NODE_FIELDS: Record<keyof ApplicationNode, FieldSpec> = {
  type: { kind: 'string', required: true, enum: ['holding'] },
  music_on_hold: { kind: 'string', nullable: true, maxLength: 128 },
  answer: { kind: 'boolean' },
};

const refused = (errors: Record<string, unknown>) =>
  inputError(`destination_options: {${formatCriteria(errors)}}`, { field: 'destination_options' });

export interface ApplicationsValidatorDeps {
  /** Whether the tenant has a music on hold class of that name (the MOH resource's lookup). */
  mohExists?: (tx: Tx, tenantUuid: string, name: string) => Promise<boolean>;
}

export function createApplicationsValidator({ mohExists }: ApplicationsValidatorDeps = {}) {
  return {
    /** The node's music on hold names a class of the tenant, as Wazo checks it. */
    async checkMusicOnHold(tx: Tx, tenantUuid: string, node: ApplicationNode | null): Promise<void> {
      const name = node?.music_on_hold;
      if (!name || name === 'default' || !mohExists || (await mohExists(tx, tenantUuid, name))) return;
      throw referenceNotFound('music_on_hold', 'MOH', { music_on_hold: name });
    },

    /** The node `body` asks for (null without one), or Wazo's 400. */
    nodeOf(body: ApplicationBody): ApplicationNode | null {
      if (body.destination !== 'node') return null;
      const raw = body.destination_options ?? {};
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        throw refused({ _schema: ['Invalid input type.'] });
      const input = raw as Record<string, unknown>;
      const errors: Record<string, string[]> = {};
      for (const [name, spec] of Object.entries(NODE_FIELDS)) {
        if (input[name] === undefined) {
          if (spec.required) errors[name] = ['Missing data for required field.'];
          continue;
        }
        const problem = fieldProblem(input[name], spec);
        if (problem) errors[name] = [problem];
      }
      if (Object.keys(errors).length > 0) throw refused(errors);
      return {
        type: input.type as string,
        music_on_hold: (input.music_on_hold as string | null | undefined) ?? null,
        answer: (input.answer as boolean | undefined) ?? false,
      };
    },
  };
}

export type ApplicationsValidator = ReturnType<typeof createApplicationsValidator>;
