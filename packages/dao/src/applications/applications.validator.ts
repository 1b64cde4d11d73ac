/**
 * Checks on an application's destination, as Wazo's schema words them: with `destination: node`,
 * `destination_options` must be a node (`type` holding, `music_on_hold` of at most 128
 * characters or null, `answer` a boolean, unknown keys dropped); without, it is ignored. Music on
 * hold is not looked up: wazo-ts has no MOH classes yet.
 */
import { formatCriteria, inputError } from '../errors.js';
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

export function createApplicationsValidator() {
  return {
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
