/**
 * The Asterisk configuration sections wazo-confd edits as a whole: `pjsip.conf` [global] and
 * [system], `rtp.conf` [general] and [ice_host_candidates], `hep.conf` [general],
 * `sccp.conf` [general], `iax.conf` [general] and its call number limits, `voicemail.conf`
 * [general] and [zonemessages]. Defaults are those of Wazo's populated database (options with no
 * value are left out, as Wazo's daos leave them out).
 */
import {
  type BusEvent,
  hepGeneralEdited,
  iaxCallnumberlimitsEdited,
  iaxGeneralEdited,
  pjsipGlobalUpdated,
  pjsipSystemUpdated,
  rtpGeneralEdited,
  rtpIceHostCandidatesEdited,
  sccpGeneralEdited,
  voicemailGeneralEdited,
  voicemailZonemessagesEdited,
} from '@wazo-ts/bus';
import { inputError, pythonRepr } from '../errors.js';
import type {
  IaxCallNumberLimits,
  IaxGeneralAnswer,
  IaxGeneralBody,
  OptionPairs,
  OptionsAnswer,
  OptionsBody,
  ZoneMessages,
  ZoneMessagesBody,
} from './settings.model.js';
import { defineSection } from './settings.section.js';

/** A PUT's `options` as ordered pairs, each key checked (a dict's keys have no schema of their own). */
export function pairsOf(
  options: OptionsBody['options'],
  keyLength: number,
  refused: (key: string) => string | null,
) {
  const pairs: OptionPairs = Array.isArray(options)
    ? options.map(({ key, value }) => [key, value])
    : Object.entries(options);
  pairs.forEach(([key], index) => {
    const message = key.length > keyLength ? `Longer than maximum length ${keyLength}.` : refused(key);
    if (message) throw inputError(`options: {${index}: {'key': ${pythonRepr([message])}}}`);
  });
  return pairs;
}

const asObject = (pairs: OptionPairs): Record<string, string> => Object.fromEntries(pairs);

export interface OptionsSectionSpec {
  name: string;
  keyLength: number;
  defaults: OptionPairs;
  event: { build(data: Record<string, never>): BusEvent };
  /** Why a key is refused (null when taken). */
  refused?: (key: string) => string | null;
  /** Checks the options as a whole (keys a section must have); throws Wazo's Input Error. */
  check?: (pairs: OptionPairs) => void;
}

/** A section of `[key, value]` options, shown as an object in stored order. */
export const optionsSection = ({
  name,
  keyLength,
  defaults,
  event,
  refused = () => null,
  check,
}: OptionsSectionSpec) =>
  defineSection<{ options: OptionPairs }, OptionsBody, OptionsAnswer>({
    name,
    perTenant: false,
    defaults: { options: defaults },
    replace(body) {
      const options = pairsOf(body.options, keyLength, refused);
      check?.(options);
      return { options };
    },
    show: (document) => ({ options: asObject(document.options) }),
    events: () => [event.build({})],
  });

export const pjsipGlobalSection = optionsSection({
  name: 'pjsip_global',
  keyLength: 255,
  defaults: [
    ['user_agent', 'Wazo PBX'],
    ['endpoint_identifier_order', 'auth_username,username,ip'],
  ],
  event: pjsipGlobalUpdated,
});

export const pjsipSystemSection = optionsSection({
  name: 'pjsip_system',
  keyLength: 255,
  defaults: [],
  event: pjsipSystemUpdated,
});

export const rtpGeneralSection = optionsSection({
  name: 'rtp_general',
  keyLength: 255,
  defaults: [
    ['rtpstart', '10000'],
    ['rtpend', '20000'],
  ],
  event: rtpGeneralEdited,
});

export const rtpIceHostCandidatesSection = optionsSection({
  name: 'rtp_ice_host_candidates',
  keyLength: 255,
  defaults: [],
  event: rtpIceHostCandidatesEdited,
});

export const hepGeneralSection = optionsSection({
  name: 'hep_general',
  keyLength: 255,
  defaults: [['enabled', '0']],
  event: hepGeneralEdited,
});

export const sccpGeneralSection = optionsSection({
  name: 'sccp_general',
  keyLength: 80,
  defaults: [
    ['directmedia', 'no'],
    ['dialtimeout', '5'],
    ['keepalive', '10'],
    ['language', 'en_US'],
    ['allow', ''],
    ['guest', 'no'],
    ['max_guests', '100'],
  ],
  event: sccpGeneralEdited,
});

export const voicemailGeneralSection = optionsSection({
  name: 'voicemail_general',
  keyLength: 128,
  defaults: [
    ['maxmsg', '100'],
    ['silencethreshold', '256'],
    ['minsecs', '0'],
    ['maxsecs', '0'],
    ['maxsilence', '15'],
    ['review', 'yes'],
    ['operator', 'yes'],
    ['format', 'wav'],
    ['maxlogins', '3'],
    ['envelope', 'yes'],
    ['saycid', 'no'],
    ['sayduration', 'yes'],
    ['saydurationm', '2'],
    ['forcename', 'no'],
    ['forcegreetings', 'no'],
    ['tempgreetwarn', 'yes'],
    ['maxgreet', '0'],
    ['skipms', '3000'],
    ['sendvoicemail', 'no'],
    ['usedirectory', 'yes'],
    ['nextaftercmd', 'yes'],
    ['attach', 'yes'],
    ['volgain', '0'],
    ['mailcmd', '/usr/sbin/sendmail -t'],
    ['serveremail', 'wazo'],
    ['charset', 'UTF-8'],
    ['fromstring', 'Wazo PBX'],
    ['emaildateformat', '%Y-%m-%d à %H:%M:%S'],
    ['pbxskip', 'no'],
    ['emailsubject', 'Messagerie Wazo'],
    [
      'emailbody',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Asterisk's ${VM_...} variables, kept as text
      "Bonjour ${VM_NAME},\\n\\nVous avez reçu un message d'une durée de ${VM_DUR} minute(s), il vous reste actuellement ${VM_MSGNUM} message(s) non lu(s) sur votre messagerie vocale : ${VM_MAILBOX}.\\n\\nLe dernier a été envoyé par ${VM_CALLERID}, le ${VM_DATE}. Si vous le souhaitez vous pouvez l'écouter ou le consulter en tapant le *98 sur votre téléphone.\\n\\nMerci.\\n\\n-- Messagerie Wazo --",
    ],
    ['pagerfromstring', 'Wazo PBX'],
    ['adsifdn', '0000000F'],
    ['adsisec', '9BDBF7AC'],
    ['adsiver', '1'],
    ['searchcontexts', 'no'],
    ['externpass', '/usr/share/asterisk/bin/change-pass-vm'],
  ],
  event: voicemailGeneralEdited,
});

const REGISTER_ERROR = "The 'register' key can only be defined in trunk options";

/** `iax.conf` [general]: `options` (unordered) and `ordered_options` (kept in order, repeats allowed). */
export const iaxGeneralSection = defineSection<IaxGeneralAnswer, IaxGeneralBody, IaxGeneralAnswer>({
  name: 'iax_general',
  perTenant: false,
  defaults: {
    options: {
      bindport: '4569',
      bindaddr: '0.0.0.0',
      iaxthreadcount: '10',
      iaxmaxthreadcount: '100',
      iaxcompat: 'no',
      authdebug: 'yes',
      delayreject: 'no',
      trunkfreq: '20',
      trunktimestamps: 'yes',
      minregexpire: '60',
      maxregexpire: '60',
      bandwidth: 'high',
      jitterbuffer: 'no',
      forcejitterbuffer: 'no',
      maxjitterbuffer: '1000',
      maxjitterinterps: '10',
      resyncthreshold: '1000',
      amaflags: 'default',
      adsi: 'no',
      transfer: 'yes',
      language: 'fr_FR',
      mohinterpret: 'default',
      encryption: 'no',
      maxauthreq: '3',
      codecpriority: 'host',
      rtcachefriends: 'yes',
      rtupdate: 'yes',
      rtignoreregexpire: 'yes',
      rtautoclear: 'no',
      pingtime: '20',
      lagrqtime: '10',
      nochecksums: 'no',
      autokill: 'yes',
      calltokenoptional: '0.0.0.0',
    },
    ordered_options: [],
  },
  replace(body) {
    const refuseRegister = (key: string) => (key === 'register' ? REGISTER_ERROR : null);
    const options = asObject(pairsOf(body.options, 128, refuseRegister));
    body.ordered_options.forEach(([key], index) => {
      if (key === 'register')
        throw inputError(`ordered_options: {${index}: {'key': ${pythonRepr([REGISTER_ERROR])}}}`);
    });
    return { options, ordered_options: body.ordered_options.map((pair) => [...pair]) };
  },
  show: (document) => document,
  events: () => [iaxGeneralEdited.build({})],
});

export const iaxCallNumberLimitsSection = defineSection<
  IaxCallNumberLimits,
  IaxCallNumberLimits,
  IaxCallNumberLimits
>({
  name: 'iax_callnumberlimits',
  perTenant: false,
  defaults: { items: [] },
  replace: (body) => ({
    items: body.items.map(({ ip_address, netmask, limit }) => ({ ip_address, netmask, limit })),
  }),
  show: (document) => document,
  events: () => [iaxCallnumberlimitsEdited.build({})],
});

const zone = (name: string, timezone: string, format = 'IMp') => ({
  name,
  timezone,
  message: `'vm-received' q 'digits/at' ${format}`,
});

/** `voicemail.conf` [zonemessages]: how each zone says when a message was received. */
export const voicemailZoneMessagesSection = defineSection<ZoneMessages, ZoneMessagesBody, ZoneMessages>({
  name: 'voicemail_zonemessages',
  perTenant: false,
  defaults: {
    items: [
      zone('eu-fr', 'Europe/Paris', 'kM'),
      ...[
        ['na-newfoundland', 'America/St_Johns'],
        ['na-atlantic', 'America/Halifax'],
        ['na-eastern', 'America/New_York'],
        ['na-central', 'America/Chicago'],
        ['na-mountain', 'America/Denver'],
        ['na-pacific', 'America/Los_Angeles'],
        ['na-alaska', 'America/Anchorage'],
        ['be-brussels', 'Europe/Brussels'],
        ['it-rome', 'Europe/Rome'],
        ['ca-glace_bay', 'America/Glace_Bay'],
        ['ca-moncton', 'America/Moncton'],
        ['ca-goose_bay', 'America/Goose_Bay'],
        ['ca-blanc-sablon', 'America/Blanc-Sablon'],
        ['ca-toronto', 'America/Toronto'],
        ['ca-nipigon', 'America/Nipigon'],
        ['ca-thunder_bay', 'America/Thunder_Bay'],
        ['ca-iqaluit', 'America/Iqaluit'],
        ['ca-pangnirtung', 'America/Pangnirtung'],
        ['ca-atikokan', 'America/Atikokan'],
        ['ca-winnipeg', 'America/Winnipeg'],
        ['ca-rainy_river', 'America/Rainy_River'],
        ['ca-resolute', 'America/Resolute'],
        ['ca-rankin_inlet', 'America/Rankin_Inlet'],
        ['ca-regina', 'America/Regina'],
        ['ca-swift_current', 'America/Swift_Current'],
        ['ca-edmonton', 'America/Edmonton'],
        ['ca-cambridge_bay', 'America/Cambridge_Bay'],
        ['ca-yellowknife', 'America/Yellowknife'],
        ['ca-inuvik', 'America/Inuvik'],
        ['ca-creston', 'America/Creston'],
        ['ca-dawson_creek', 'America/Dawson_Creek'],
        ['ca-fort_nelson', 'America/Fort_Nelson'],
        ['ca-whitehorse', 'America/Whitehorse'],
        ['ca-dawson', 'America/Dawson'],
        ['ca-vancouver', 'America/Vancouver'],
        ['de-berlin', 'Europe/Berlin'],
        ['de-busingen', 'Europe/Busingen'],
        ['il-jerusalem', 'Asia/Jerusalem'],
        ['lu-luxembourg', 'Europe/Luxembourg'],
        ['my-kuala_lumpur', 'Asia/Kuala_Lumpur'],
        ['my-kuching', 'Asia/Kuching'],
        ['mc-monaco', 'Europe/Monaco'],
        ['nl-amsterdam', 'Europe/Amsterdam'],
        ['pl-warsaw', 'Europe/Warsaw'],
        ['pt-lisbon', 'Europe/Lisbon'],
        ['pt-madeira', 'Atlantic/Madeira'],
        ['pt-azores', 'Atlantic/Azores'],
        ['gb-london', 'Europe/London'],
        ['us-detroit', 'America/Detroit'],
        ['us-kentucky-louisville', 'America/Kentucky/Louisville'],
        ['us-kentucky-monticello', 'America/Kentucky/Monticello'],
        ['us-indiana-indianapolis', 'America/Indiana/Indianapolis'],
        ['us-indiana-vincennes', 'America/Indiana/Vincennes'],
        ['us-indiana-winamac', 'America/Indiana/Winamac'],
        ['us-indiana-marengo', 'America/Indiana/Marengo'],
        ['us-indiana-petersburg', 'America/Indiana/Petersburg'],
        ['us-indiana-vevay', 'America/Indiana/Vevay'],
        ['us-indiana-tell_city', 'America/Indiana/Tell_City'],
        ['us-indiana-knox', 'America/Indiana/Knox'],
        ['us-menominee', 'America/Menominee'],
        ['us-north_dakota-center', 'America/North_Dakota/Center'],
        ['us-north_dakota-new_salem', 'America/North_Dakota/New_Salem'],
        ['us-north_dakota-beulah', 'America/North_Dakota/Beulah'],
        ['us-boise', 'America/Boise'],
        ['us-phoenix', 'America/Phoenix'],
        ['us-juneau', 'America/Juneau'],
        ['us-sitka', 'America/Sitka'],
        ['us-metlakatla', 'America/Metlakatla'],
        ['us-yakutat', 'America/Yakutat'],
        ['us-nome', 'America/Nome'],
        ['us-adak', 'America/Adak'],
        ['us-honolulu', 'Pacific/Honolulu'],
        ['es-madrid', 'Europe/Madrid'],
        ['es-ceuta', 'Africa/Ceuta'],
        ['es-canary', 'Atlantic/Canary'],
        ['ch-zurich', 'Europe/Zurich'],
      ].map(([name, timezone]) => zone(name as string, timezone as string)),
    ],
  },
  // Wazo stores `timezone|message`; an empty message reads back as null.
  replace: (body) => ({
    items: body.items.map(({ name, timezone, message }) => ({ name, timezone, message: message || null })),
  }),
  show: (document) => document,
  events: () => [voicemailZonemessagesEdited.build({})],
});
