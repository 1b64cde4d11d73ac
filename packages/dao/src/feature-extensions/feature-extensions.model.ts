/**
 * A feature extension as wazo-confd shows it (`/extensions/features/{uuid}`): the star code that
 * reaches one of the system's features. Only `exten` and `enabled` can change. Wazo's schema also
 * names a `context`, which its rows do not have, so it never shows it.
 */
import { EXTEN_REGEX } from '../extensions/extensions.model.js';
import { linked, type Static, Type } from '../schema.js';

export const featureExtensionSchema = linked(
  'extensions_features',
  { uuid: Type.String(), exten: Type.String(), feature: Type.String(), enabled: Type.Boolean() },
  'uuid',
);
export type FeatureExtension = Static<typeof featureExtensionSchema>;

/** `PUT`: `exten` as an extension's (a number or a pattern), `enabled`; absent fields stay. */
export const featureExtensionEditSchema = Type.Object({
  exten: Type.Optional(Type.String({ pattern: EXTEN_REGEX.source })),
  enabled: Type.Optional(Type.Boolean()),
});
export type FeatureExtensionEdit = Static<typeof featureExtensionEditSchema>;
