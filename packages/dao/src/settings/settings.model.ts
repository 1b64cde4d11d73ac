/**
 * The bodies and answers of the settings sections, in Wazo's field names. Asterisk sections take
 * their `options` as an object (`{"key": "value"}`) or a list of `{key, value}` and answer an
 * object in stored order; IAX's general section also has `ordered_options`, `[key, value]` pairs
 * whose order and repeats matter (`allow`/`deny`).
 */
import { nullable, type Static, Type } from '../schema.js';

const option = (keyLength: number, valueLength?: number) =>
  Type.Object({
    key: Type.String({ maxLength: keyLength }),
    value: Type.String(valueLength === undefined ? {} : { maxLength: valueLength }),
  });

/** `options` as Wazo takes it: an object of strings, or a list of `{key, value}`. */
export const optionsInput = (keyLength: number, valueLength?: number) =>
  Type.Union([
    Type.Record(Type.String(), Type.String(valueLength === undefined ? {} : { maxLength: valueLength })),
    Type.Array(option(keyLength, valueLength)),
  ]);

export const optionsBodyOf = (keyLength: number, valueLength?: number) =>
  Type.Object({ options: optionsInput(keyLength, valueLength) });

export const optionsAnswerSchema = Type.Object({ options: Type.Record(Type.String(), Type.String()) });

/** Options stored in order, as `[key, value]` pairs. */
export type OptionPairs = [string, string][];
export type OptionsBody = { options: Record<string, string> | { key: string; value: string }[] };
export type OptionsAnswer = Static<typeof optionsAnswerSchema>;

const orderedOption = Type.Array(Type.String({ maxLength: 255 }), { minItems: 2, maxItems: 2 });

export const iaxGeneralBodySchema = Type.Object({
  options: optionsInput(128, 255),
  ordered_options: Type.Array(orderedOption),
});
export const iaxGeneralAnswerSchema = Type.Object({
  options: Type.Record(Type.String(), Type.String()),
  ordered_options: Type.Array(Type.Array(Type.String())),
});
export type IaxGeneralBody = Static<typeof iaxGeneralBodySchema>;
export type IaxGeneralAnswer = Static<typeof iaxGeneralAnswerSchema>;

const callNumberLimit = Type.Object({
  ip_address: Type.String({ maxLength: 39 }),
  netmask: Type.String({ maxLength: 39 }),
  limit: Type.Integer(),
});
export const iaxCallNumberLimitsSchema = Type.Object({ items: Type.Array(callNumberLimit) });
export type IaxCallNumberLimits = Static<typeof iaxCallNumberLimitsSchema>;

export const zoneMessagesBodySchema = Type.Object({
  items: Type.Array(
    Type.Object({
      name: Type.String({ maxLength: 128 }),
      timezone: Type.String(),
      message: Type.Optional(nullable(Type.String())),
    }),
  ),
});
export const zoneMessagesAnswerSchema = Type.Object({
  items: Type.Array(
    Type.Object({ name: Type.String(), timezone: Type.String(), message: nullable(Type.String()) }),
  ),
});
export type ZoneMessagesBody = Static<typeof zoneMessagesBodySchema>;
export type ZoneMessages = Static<typeof zoneMessagesAnswerSchema>;

export const liveReloadSchema = Type.Object({ enabled: Type.Boolean() });
export type LiveReload = Static<typeof liveReloadSchema>;

export const provisioningNetworkingBodySchema = Type.Object({
  provision_host: Type.Optional(nullable(Type.String({ maxLength: 39 }))),
  provision_http_port: Type.Optional(Type.Integer()),
  provision_http_base_url: Type.Optional(nullable(Type.String({ maxLength: 255 }))),
});
export const provisioningNetworkingSchema = Type.Object({
  provision_host: nullable(Type.String()),
  provision_http_port: Type.Integer(),
  provision_http_base_url: nullable(Type.String()),
});
export type ProvisioningNetworkingBody = Static<typeof provisioningNetworkingBodySchema>;
export type ProvisioningNetworking = Static<typeof provisioningNetworkingSchema>;

const rewriteRule = Type.Object({ match: Type.String(), replacement: Type.String() });
export const emailBodySchema = Type.Object({
  domain_name: Type.Optional(Type.String({ maxLength: 255 })),
  from: Type.Optional(Type.String({ maxLength: 255 })),
  address_rewriting_rules: Type.Optional(Type.Array(rewriteRule)),
  smtp_host: Type.Optional(Type.String({ maxLength: 255 })),
  fallback_smtp_host: Type.Optional(Type.String({ maxLength: 255 })),
});
export const emailSchema = Type.Object({
  domain_name: Type.String(),
  from: Type.String(),
  address_rewriting_rules: Type.Array(rewriteRule),
  smtp_host: Type.String(),
  fallback_smtp_host: Type.String(),
});
export type EmailBody = Static<typeof emailBodySchema>;
export type Email = Static<typeof emailSchema>;

export const localizationBodySchema = Type.Object({
  country: Type.Optional(nullable(Type.String({ minLength: 2, maxLength: 2 }))),
});
export const localizationSchema = Type.Object({
  tenant_uuid: Type.String(),
  country: nullable(Type.String()),
});
export type LocalizationBody = Static<typeof localizationBodySchema>;
export type Localization = Static<typeof localizationSchema>;

export const voicemailTranscriptionSchema = Type.Object({ enabled: Type.Boolean() });
export type VoicemailTranscription = Static<typeof voicemailTranscriptionSchema>;
