/**
 * Settings each tenant has its own of: its country (`/localization`) and whether its voicemails
 * are transcribed (`/voicemails/transcription`). The tenant is the caller's scoping tenant.
 */
import { localizationEdited, voicemailTranscriptionConfigEdited } from '@wazo-ts/bus';
import { inputError } from '../errors.js';
import type { Localization, LocalizationBody, VoicemailTranscription } from './settings.model.js';
import { defineSection } from './settings.section.js';

const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** Region codes that name no country (unknown, unions, groupings). */
const NOT_COUNTRIES = new Set(['ZZ', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB']);

/** An ISO 3166-1 alpha-2 code a country is known by (Wazo asks pycountry). */
function isCountryCode(code: string): boolean {
  if (!/^[A-Za-z]{2}$/.test(code)) return false;
  const upper = code.toUpperCase();
  try {
    return !NOT_COUNTRIES.has(upper) && regions.of(upper) !== undefined;
  } catch {
    return false;
  }
}

/** A partial PUT: `country` left out keeps its value; null clears it. */
export const localizationSection = defineSection<{ country: string | null }, LocalizationBody, Localization>({
  name: 'localization',
  perTenant: true,
  defaults: { country: null },
  replace(body, current) {
    if (body.country === undefined) return current;
    if (body.country && !isCountryCode(body.country))
      throw inputError(`country: ['Invalid country code: ${body.country}']`);
    return { country: body.country };
  },
  show: (document, tenantUuid) => ({ tenant_uuid: tenantUuid, country: document.country }),
  events: (document, tenantUuid) => [
    localizationEdited.build({ tenant_uuid: tenantUuid, country: document.country }, { tenantUuid }),
  ],
});

export const voicemailTranscriptionSection = defineSection<
  VoicemailTranscription,
  VoicemailTranscription,
  VoicemailTranscription
>({
  name: 'voicemail_transcription',
  perTenant: true,
  defaults: { enabled: false },
  replace: (body) => ({ enabled: body.enabled }),
  show: (document) => document,
  events: (document, tenantUuid) => [
    voicemailTranscriptionConfigEdited.build({ enabled: document.enabled }, { tenantUuid }),
  ],
});
