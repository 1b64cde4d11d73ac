/**
 * Checks on SCCP endpoint options: Wazo's keys only (`Unknown SCCP options: <key>`, bare, as its
 * model raises it), and values that fit Wazo's columns (Wazo fails there with a database error).
 */
import { InvalidDataError } from '@wazo-ts/errors';
import { inputError } from '../errors.js';
import { type EndpointSccpInput, SCCP_OPTIONS } from './endpoint-sccp.model.js';

const bare = (message: string) => new InvalidDataError(message, { errorId: 'invalid-data', details: {} });

export function createEndpointSccpValidator() {
  return {
    validateOptions(input: EndpointSccpInput): void {
      for (const [key, value] of input.options ?? []) {
        if (!Object.hasOwn(SCCP_OPTIONS, key)) throw bare(`Unknown SCCP options: ${key}`);
        const max = SCCP_OPTIONS[key as keyof typeof SCCP_OPTIONS];
        if (max > 0 && value.length > max) {
          throw inputError(`options: ['${key}: Longer than maximum length ${max}.']`, { field: 'options' });
        }
      }
    },
  };
}

export type EndpointSccpValidator = ReturnType<typeof createEndpointSccpValidator>;
