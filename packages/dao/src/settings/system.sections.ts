/**
 * wazo-confd's settings of the whole system with fixed fields: live reload (`/configuration/
 * live_reload`), the provisioning server's networking (`/provisioning/networking`) and the mail
 * relay (`/emails`). Defaults are those of Wazo's populated database.
 */
import { emailConfigUpdated, liveReloadEdited, provisioningNetworkingEdited } from '@wazo-ts/bus';
import type {
  Email,
  EmailBody,
  LiveReload,
  ProvisioningNetworking,
  ProvisioningNetworkingBody,
} from './settings.model.js';
import { defineSection } from './settings.section.js';

export const liveReloadSection = defineSection<LiveReload, LiveReload, LiveReload>({
  name: 'live_reload',
  perTenant: false,
  defaults: { enabled: true },
  replace: (body) => ({ enabled: body.enabled }),
  show: (document) => document,
  events: (document) => [liveReloadEdited.build({ live_reload_enabled: document.enabled })],
});

/** A partial PUT: the fields it leaves out keep their value. */
export const provisioningNetworkingSection = defineSection<
  ProvisioningNetworking,
  ProvisioningNetworkingBody,
  ProvisioningNetworking
>({
  name: 'provisioning_networking',
  perTenant: false,
  defaults: { provision_host: '', provision_http_port: 8667, provision_http_base_url: '' },
  replace: (body, current) => ({
    provision_host: body.provision_host === undefined ? current.provision_host : body.provision_host,
    provision_http_port: body.provision_http_port ?? current.provision_http_port,
    provision_http_base_url:
      body.provision_http_base_url === undefined
        ? current.provision_http_base_url
        : body.provision_http_base_url,
  }),
  show: (document) => document,
  events: () => [provisioningNetworkingEdited.build({})],
});

/** A whole PUT: a field left out is emptied (Wazo loads missing fields as '' and no rules). */
export const emailSection = defineSection<Email, EmailBody, Email>({
  name: 'email',
  perTenant: false,
  defaults: {
    domain_name: '',
    from: 'example.wazo.community',
    address_rewriting_rules: [],
    smtp_host: '',
    fallback_smtp_host: '',
  },
  replace: (body) => ({
    domain_name: body.domain_name ?? '',
    from: body.from ?? '',
    address_rewriting_rules: (body.address_rewriting_rules ?? []).map(({ match, replacement }) => ({
      match,
      replacement,
    })),
    smtp_host: body.smtp_host ?? '',
    fallback_smtp_host: body.fallback_smtp_host ?? '',
  }),
  show: (document) => document,
  events: () => [emailConfigUpdated.build({})],
});
