/**
 * Which option keys each PJSIP section takes. Wazo checks them against Asterisk's PJSIP
 * documentation (`pjsip.json`), which wazo-ts does not have: the small sections are listed here
 * in full (identify and registration as Wazo hard-codes them; aor and auth as Asterisk documents
 * them), and the endpoint section, too large to copy, only refuses the keys that belong to
 * another section alone. `@name` variables are allowed in the aor and endpoint sections.
 */
import type { SipSection } from './endpoint-sip.model.js';

const AOR = [
  'authenticate_qualify',
  'contact',
  'default_expiration',
  'mailboxes',
  'max_contacts',
  'maximum_expiration',
  'minimum_expiration',
  'outbound_proxy',
  'qualify_2xx_only',
  'qualify_frequency',
  'qualify_timeout',
  'remove_existing',
  'remove_unavailable',
  'support_path',
  'voicemail_extension',
];

const AUTH = [
  'auth_type',
  'md5_cred',
  'nonce_lifetime',
  'oauth_clientid',
  'oauth_secret',
  'password',
  'password_digest',
  'realm',
  'refresh_token',
  'supported_algorithms_uac',
  'supported_algorithms_uas',
  'username',
];

const IDENTIFY = ['match', 'endpoint', 'srv_lookups', 'match_header'];

const REGISTRATION = [
  'auth_rejection_permanent',
  'client_uri',
  'contact_user',
  'contact_header_params',
  'expiration',
  'max_retries',
  'outbound_proxy',
  'retry_interval',
  'server_uri',
  'forbidden_retry_interval',
  'fatal_retry_interval',
  'line',
  'transport',
  'support_path',
  'support_outbound',
];

const KNOWN: Partial<Record<SipSection, readonly string[]>> = {
  aor: AOR,
  auth: AUTH,
  identify: IDENTIFY,
  registration: REGISTRATION,
  registration_outbound_auth: AUTH,
  outbound_auth: AUTH,
};

// Keys of the aor or auth section that an endpoint section does not have.
const NOT_ENDPOINT = new Set(
  [...AOR, ...AUTH].filter((key) => !['outbound_proxy', 'mailboxes', 'voicemail_extension'].includes(key)),
);

/** The keys a section takes, for the error message; the endpoint section's are not listed. */
export function sectionKeys(section: SipSection): readonly string[] {
  return KNOWN[section] ?? [];
}

export function isValidInSection(section: SipSection, key: string): boolean {
  if ((section === 'aor' || section === 'endpoint') && key.startsWith('@')) return true;
  if (section === 'endpoint') return !NOT_ENDPOINT.has(key);
  return sectionKeys(section).includes(key);
}
