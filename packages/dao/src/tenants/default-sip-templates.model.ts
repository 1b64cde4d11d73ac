/**
 * The SIP templates Wazo's confd gives every tenant it learns of (its `DefaultSIPTemplateService`):
 * labels, section options, transport (by name: Wazo's `transport-udp` and `transport-wss`, when
 * they exist) and parents, in the order they are made, each parent before its children. Wazo once
 * had a `webrtc_video` template; it was merged into `webrtc`, so there are five.
 */
import type { SipOption, SipSectionField } from '../endpoint-sip/endpoint-sip.model.js';

export const DEFAULT_SIP_TEMPLATE_KINDS = [
  'global',
  'webrtc',
  'meeting_guest',
  'registration_trunk',
  'twilio_trunk',
] as const;
export type DefaultSipTemplateKind = (typeof DEFAULT_SIP_TEMPLATE_KINDS)[number];

/** The tenant's column holding the template's uuid. */
export type TenantSipTemplateField = `${DefaultSipTemplateKind}_sip_template_uuid`;
export const tenantSipTemplateField = (kind: DefaultSipTemplateKind): TenantSipTemplateField =>
  `${kind}_sip_template_uuid`;

/** What a tenant shows of its default templates (null once a template is deleted). */
export type TenantSipTemplates = { sip_templates_generated: boolean } & Record<
  TenantSipTemplateField,
  string | null
>;

export interface DefaultSipTemplate {
  kind: DefaultSipTemplateKind;
  label: string;
  transportName: string | null;
  parents: DefaultSipTemplateKind[];
  /**
   * The sections Wazo sets. A section left out keeps its options when Wazo resets an existing
   * template (the meeting guest template sets none), and is empty on a new one.
   */
  sections: Partial<Record<SipSectionField, SipOption[]>>;
}

const ALL_SECTIONS_EMPTY: Record<SipSectionField, SipOption[]> = {
  aor_section_options: [],
  auth_section_options: [],
  endpoint_section_options: [],
  identify_section_options: [],
  registration_section_options: [],
  registration_outbound_auth_section_options: [],
  outbound_auth_section_options: [],
};

/** Twilio's signalling addresses, in Wazo's order. */
const TWILIO_ADDRESSES = [
  '54.172.60.0',
  '54.172.60.3',
  '54.172.60.2',
  '54.172.60.1',
  '177.71.206.195',
  '177.71.206.194',
  '177.71.206.193',
  '177.71.206.192',
  '54.252.254.67',
  '54.252.254.66',
  '54.252.254.65',
  '54.252.254.64',
  '54.169.127.131',
  '54.169.127.130',
  '54.169.127.129',
  '54.169.127.128',
  '54.65.63.195',
  '54.65.63.194',
  '54.65.63.193',
  '54.65.63.192',
  '35.156.191.131',
  '35.156.191.130',
  '35.156.191.129',
  '35.156.191.128',
  '54.171.127.195',
  '54.171.127.194',
  '54.171.127.193',
  '54.171.127.192',
  '54.244.51.3',
  '54.244.51.2',
  '54.244.51.1',
  '54.244.51.0',
];

export const DEFAULT_SIP_TEMPLATES: readonly DefaultSipTemplate[] = [
  {
    kind: 'global',
    label: 'global',
    transportName: 'transport-udp',
    parents: [],
    sections: {
      ...ALL_SECTIONS_EMPTY,
      aor_section_options: [
        ['maximum_expiration', '3600'],
        ['default_expiration', '120'],
        ['minimum_expiration', '60'],
        ['qualify_frequency', '60'],
        ['remove_existing', 'true'],
        ['max_contacts', '1'],
      ],
      endpoint_section_options: [
        ['rtp_timeout', '7200'],
        ['allow_transfer', 'yes'],
        ['use_ptime', 'yes'],
        ['callerid', 'wazo'],
        ['direct_media', 'no'],
        ['dtmf_mode', 'rfc4733'],
        ['language', 'en_US'],
        ['inband_progress', 'no'],
        ['rtp_timeout_hold', '0'],
        ['timers_sess_expires', '600'],
        ['timers_min_se', '90'],
        ['trust_id_inbound', 'no'],
        ['allow_subscribe', 'yes'],
        ['allow', '!all,ulaw'],
        ['set_var', 'TIMEOUT(absolute)=36000'],
        ['set_var', 'DYNAMIC_FEATURES=togglerecord'],
        ['notify_early_inuse_ringing', 'yes'],
      ],
    },
  },
  {
    kind: 'webrtc',
    label: 'webrtc',
    transportName: 'transport-wss',
    parents: ['global'],
    sections: {
      ...ALL_SECTIONS_EMPTY,
      aor_section_options: [
        ['remove_existing', 'false'],
        ['max_contacts', '10'],
      ],
      endpoint_section_options: [
        ['webrtc', 'yes'],
        ['dtls_auto_generate_cert', 'yes'],
        ['allow', '!all,opus,g722,alaw,ulaw,vp9,vp8,h264'],
        ['max_video_streams', '25'],
        ['max_audio_streams', '1'],
        ['timers', 'always'],
        ['timers_sess_expires', '300'],
        ['timers_min_se', '90'],
      ],
    },
  },
  { kind: 'meeting_guest', label: 'meeting_guest', transportName: null, parents: ['webrtc'], sections: {} },
  {
    kind: 'registration_trunk',
    label: 'registration_trunk',
    transportName: null,
    parents: ['global'],
    sections: {
      ...ALL_SECTIONS_EMPTY,
      registration_section_options: [
        ['forbidden_retry_interval', '30'],
        ['retry_interval', '20'],
        ['max_retries', '10000'],
        ['auth_rejection_permanent', 'no'],
        ['fatal_retry_interval', '30'],
      ],
    },
  },
  {
    kind: 'twilio_trunk',
    label: 'twilio_trunk',
    transportName: null,
    parents: ['registration_trunk'],
    sections: {
      ...ALL_SECTIONS_EMPTY,
      identify_section_options: TWILIO_ADDRESSES.map((address): SipOption => ['match', address]),
    },
  },
];
