/**
 * Checks on SIP endpoints and templates, worded as Wazo's: a name used by no other endpoint,
 * template or transport; option keys the section takes; parents that are templates of the
 * caller's tenants, without a loop; a transport that exists.
 */
import type { Tx } from '../db/unit-of-work.js';
import { inputError, referenceNotFound, resourceError, resourceExists } from '../errors.js';
import type { TenantScope } from '../search/search.js';
import type { EndpointSipDao } from './endpoint-sip.dao.js';
import { SIP_SECTIONS, type SipInput, type SipResource, sectionField } from './endpoint-sip.model.js';
import { isValidInSection, sectionKeys } from './pjsip-options.js';

export interface EndpointSipValidatorDeps {
  dao: EndpointSipDao;
  /** The transport's uuid named so, or null: the transports dao. */
  transportNamed(tx: Tx, name: string): Promise<string | null>;
  transportExists(tx: Tx, uuid: string): Promise<boolean>;
}

const notPermitted = (message: string) => resourceError(`Operation not permitted. ${message}`);

function checkOptions(input: SipInput): void {
  for (const section of SIP_SECTIONS) {
    const field = sectionField(section);
    for (const [key] of input[field] ?? []) {
      if (isValidInSection(section, key)) continue;
      const choices = sectionKeys(section).join(', ');
      throw inputError(`'${field}: invalid variable (${key})' must be one of (${choices})`, { field });
    }
  }
}

export function createEndpointSipValidator(deps: EndpointSipValidatorDeps) {
  const { dao } = deps;

  /** The name is free, or used by `self` only. */
  async function checkName(tx: Tx, name: string | undefined, self?: string): Promise<void> {
    if (name === undefined) return;
    const owners = [
      ['SIPEndpoint', await dao.findNamed(tx, name, false)],
      ['SIPEndpointTemplate', await dao.findNamed(tx, name, true)],
      ['Transport', await deps.transportNamed(tx, name)],
    ] as const;
    for (const [resource, uuid] of owners) {
      if (uuid !== null && uuid !== self) throw resourceExists(resource, { name });
    }
  }

  async function checkTemplates(tx: Tx, scope: TenantScope, input: SipInput): Promise<void> {
    for (const template of input.templates ?? []) {
      if (!(await dao.find(tx, scope, template.uuid, true))) {
        throw referenceNotFound('templates', 'endpoint_sip', { templates: template });
      }
    }
  }

  async function checkTransport(tx: Tx, input: SipInput): Promise<void> {
    const uuid = input.transport?.uuid;
    if (uuid && !(await deps.transportExists(tx, uuid))) {
      throw referenceNotFound('transport', 'SIPTransport', { uuid });
    }
  }

  /** A template may not inherit from itself, directly or through its parents. */
  async function checkNoLoop(tx: Tx, self: string, parents: readonly string[]): Promise<void> {
    if (parents.includes(self)) throw notPermitted('Cannot use itself as template');
    const seen = new Set<string>();
    let level = await dao.findTemplates(tx, parents);
    while (level.length > 0) {
      for (const template of level) {
        if (template.templates.some((parent) => parent.uuid === self)) {
          throw notPermitted(`SIPEndpointTemplate(${template.uuid}) already include this template`);
        }
        seen.add(template.uuid);
      }
      const next = level.flatMap((t) => t.templates.map((p) => p.uuid)).filter((uuid) => !seen.has(uuid));
      level = await dao.findTemplates(tx, [...new Set(next)]);
    }
  }

  return {
    async validateCreate(tx: Tx, scope: TenantScope, input: SipInput): Promise<void> {
      await checkTemplates(tx, scope, input);
      await checkTransport(tx, input);
      await checkName(tx, input.name);
      checkOptions(input);
    },

    async validateEdit(tx: Tx, scope: TenantScope, current: SipResource, input: SipInput): Promise<void> {
      await checkTemplates(tx, scope, input);
      await checkTransport(tx, input);
      if (input.templates)
        await checkNoLoop(
          tx,
          current.uuid,
          input.templates.map((t) => t.uuid),
        );
      await checkName(tx, input.name, current.uuid);
      checkOptions(input);
    },
  };
}

export type EndpointSipValidator = ReturnType<typeof createEndpointSipValidator>;
