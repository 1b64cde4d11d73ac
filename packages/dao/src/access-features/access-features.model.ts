/** An access feature as wazo-confd shows it: a host (address or network) allowed a feature. */
import { linked, type Static, stringEnum, Type } from '../schema.js';

export const ACCESS_FEATURES = ['phonebook'] as const;

export const accessFeatureCreateSchema = Type.Object({
  host: Type.Optional(Type.String({ maxLength: 255 })),
  feature: Type.Optional(stringEnum(ACCESS_FEATURES)),
  enabled: Type.Optional(Type.Boolean()),
});

/** A PUT changes the fields it names. */
export const accessFeatureEditSchema = accessFeatureCreateSchema;

export const accessFeatureSchema = linked('access_features', {
  id: Type.Integer(),
  host: Type.String(),
  feature: Type.String(),
  enabled: Type.Boolean(),
});

export type AccessFeatureCreate = Static<typeof accessFeatureCreateSchema>;
export type AccessFeatureEdit = Static<typeof accessFeatureEditSchema>;
export type AccessFeature = Static<typeof accessFeatureSchema>;
