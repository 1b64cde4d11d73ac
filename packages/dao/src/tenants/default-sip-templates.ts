/**
 * Makes a tenant's default SIP templates as Wazo's confd does when it learns of a tenant: once
 * (`sip_templates_generated`), parents before children, each template's uuid recorded on the
 * tenant. A template whose uuid the tenant still holds while the flag is off (Wazo's way to ask
 * for a reset) is reset in place, keeping its uuid and the endpoints using it; a deleted one is
 * made anew. No event is sent, as Wazo writes these through its dao, not its notifier.
 */
import type { Tx } from '../db/unit-of-work.js';
import type { EndpointSipDao } from '../endpoint-sip/endpoint-sip.dao.js';
import {
  SIP_SECTIONS,
  type SipRecord,
  type SipResource,
  sectionField,
  unusedSipName,
} from '../endpoint-sip/endpoint-sip.model.js';
import {
  DEFAULT_SIP_TEMPLATES,
  type DefaultSipTemplate,
  type DefaultSipTemplateKind,
  type TenantSipTemplates,
  tenantSipTemplateField,
} from './default-sip-templates.model.js';
import type { TenantsDao } from './tenants.dao.js';

export interface DefaultSipTemplatesDeps {
  tenants: Pick<TenantsDao, 'lockSipTemplates' | 'setSipTemplates'>;
  templates: Pick<EndpointSipDao, 'find' | 'create' | 'update' | 'nameExists'>;
  /** The transport's uuid named so, or null: the transports dao. */
  transportNamed(tx: Tx, name: string): Promise<string | null>;
  newUuid: () => string;
  /** Uniform in [0, 1), for the templates' random names. */
  random: () => number;
}

/** The template's record: Wazo's fields over what the template has (or empty sections when new). */
function recordOf(
  template: DefaultSipTemplate,
  name: string,
  transportUuid: string | null,
  parents: string[],
  current: SipResource | null,
): SipRecord {
  const sections = Object.fromEntries(
    SIP_SECTIONS.map((section) => {
      const field = sectionField(section);
      return [field, template.sections[field] ?? current?.[field] ?? []];
    }),
  ) as Pick<SipRecord, ReturnType<typeof sectionField>>;
  return {
    ...sections,
    name,
    label: template.label,
    asterisk_id: null,
    transport_uuid: transportUuid,
    template_uuids: parents,
  };
}

/** Makes the tenant's default templates unless done already; true when it made (or reset) them. */
export async function generateDefaultSipTemplates(
  tx: Tx,
  deps: DefaultSipTemplatesDeps,
  tenantUuid: string,
): Promise<boolean> {
  const state = await deps.tenants.lockSipTemplates(tx, tenantUuid);
  if (!state || state.sip_templates_generated) return false;
  const scope = { tenantUuids: [tenantUuid] };
  const made = new Map<DefaultSipTemplateKind, string>();
  for (const template of DEFAULT_SIP_TEMPLATES) {
    const transport = template.transportName ? await deps.transportNamed(tx, template.transportName) : null;
    const parents = template.parents.map((kind) => made.get(kind) as string);
    const held = state[tenantSipTemplateField(template.kind)];
    const current = held ? await deps.templates.find(tx, scope, held, true) : null;
    if (current) {
      await deps.templates.update(
        tx,
        scope,
        current.uuid,
        recordOf(template, current.name, transport, parents, current),
      );
      made.set(template.kind, current.uuid);
    } else {
      const uuid = deps.newUuid();
      const name = await unusedSipName((candidate) => deps.templates.nameExists(tx, candidate), deps.random);
      await deps.templates.create(
        tx,
        tenantUuid,
        true,
        uuid,
        recordOf(template, name, transport, parents, null),
      );
      made.set(template.kind, uuid);
    }
  }
  const recorded = Object.fromEntries(
    DEFAULT_SIP_TEMPLATES.map((t) => [tenantSipTemplateField(t.kind), made.get(t.kind) ?? null]),
  ) as Omit<TenantSipTemplates, 'sip_templates_generated'>;
  await deps.tenants.setSipTemplates(tx, tenantUuid, { ...recorded, sip_templates_generated: true });
  return true;
}
