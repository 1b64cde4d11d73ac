/**
 * Checks on lines: the context exists among the caller's tenants (and, on edit, keeps the line in
 * its tenant), one endpoint at most (each endpoint is checked by its own service), a free
 * provisioning code, and caller id only where an endpoint can carry it (worded as Wazo's model
 * raises them, unprefixed; an SCCP endpoint takes a name, not a number).
 */
import { InvalidDataError } from '@wazo-ts/errors';
import type { Context } from '../contexts/contexts.model.js';
import type { Tx } from '../db/unit-of-work.js';
import {
  formatCriteria,
  inputError,
  pythonRepr,
  referenceNotFound,
  resourceError,
  resourceExists,
} from '../errors.js';
import type { LinesDao } from './lines.dao.js';
import type { Line, LineCreate, LineEdit } from './lines.model.js';

/** Wazo's line model raises these bare, without a category prefix. */
const bare = (message: string) => new InvalidDataError(message, { errorId: 'invalid-data', details: {} });

function checkContext(name: string, context: Context | null): asserts context is Context {
  if (!context) throw referenceNotFound('context', 'Context', { context: name });
}

function checkCallerIdTarget(protocol: Line['protocol'], field: 'caller_id_name' | 'caller_id_num'): void {
  if (protocol === 'custom') throw bare("Cannot set caller id on endpoint of type 'custom'");
  if (protocol === 'sccp' && field === 'caller_id_num')
    throw bare("Cannot set caller id num on endpoint of type 'sccp'");
  if (protocol === null) throw bare('Cannot set caller id if no endpoint associated');
}

function checkCallerIdEdit(line: Line, input: LineEdit): void {
  for (const [field, label] of [
    ['caller_id_name', 'caller id'],
    ['caller_id_num', 'caller id num'],
  ] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (value === null) {
      if (line.protocol !== null) throw bare(`Cannot set ${label} to None`);
      continue;
    }
    checkCallerIdTarget(line.protocol, field);
  }
}

export function createLinesValidator(deps: { dao: LinesDao }) {
  const { dao } = deps;

  async function checkProvisioningCode(tx: Tx, code: string | null | undefined): Promise<void> {
    if (code && (await dao.exists(tx, 'provisioning_code', code))) {
      throw resourceExists('Line', { provisioning_code: code });
    }
  }

  function checkEndpoint(input: LineCreate): void {
    const given = [input.endpoint_sip, input.endpoint_sccp, input.endpoint_custom].filter(Boolean);
    if (given.length > 1) {
      throw inputError("_schema: ['Only one endpoint should be configured on a line']", { field: '_schema' });
    }
    const cidName = input.endpoint_sccp?.options?.find(([key]) => key === 'cid_name');
    if (input.caller_id_name && cidName) {
      const message = `Ambiguous caller ID: line.caller_id_name = ${input.caller_id_name} endpoint_sccp.options["cid_name"] = ${cidName[1]}`;
      throw inputError(`_schema: [${pythonRepr(message)}]`, { field: '_schema' });
    }
  }

  const protocolOf = (input: LineCreate): Line['protocol'] =>
    input.endpoint_sip ? 'sip' : input.endpoint_sccp ? 'sccp' : input.endpoint_custom ? 'custom' : null;

  return {
    async validateCreate(tx: Tx, input: LineCreate, context: Context | null): Promise<void> {
      await checkProvisioningCode(tx, input.provisioning_code);
      checkContext(input.context, context);
      checkEndpoint(input);
      if (input.caller_id_name) checkCallerIdTarget(protocolOf(input), 'caller_id_name');
    },

    async validateEdit(tx: Tx, line: Line, input: LineEdit, context: Context | null): Promise<void> {
      if (input.provisioning_code && input.provisioning_code !== line.provisioning_code) {
        await checkProvisioningCode(tx, input.provisioning_code);
      }
      checkContext(input.context ?? line.context, context);
      if (context.tenant_uuid !== line.tenant_uuid) {
        const criteria = { line_tenant_uuid: line.tenant_uuid, context_tenant_uuid: context.tenant_uuid };
        throw resourceError(`different tenants (${formatCriteria(criteria)})`, criteria);
      }
      checkCallerIdEdit(line, input);
    },
  };
}

export type LinesValidator = ReturnType<typeof createLinesValidator>;
