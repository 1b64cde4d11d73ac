/**
 * A music on hold class (Wazo's `moh`) as wazo-confd shows it: its generated `name` (what
 * `music_on_hold` fields name), label, mode (`files`, `mp3`, or `custom` with the `application`
 * that plays it), sort order, and the files of its folder (listed by the REST layer from disk).
 */
import { linked, nullable, type Static, stringEnum, Type } from '../schema.js';

export const MOH_MODES = ['custom', 'files', 'mp3'] as const;
export const MOH_SORTS = ['alphabetical', 'random', 'random_start'] as const;

const mohFields = {
  uuid: Type.String(),
  tenant_uuid: Type.String(),
  name: Type.String(),
  label: Type.String(),
  mode: stringEnum(MOH_MODES),
  application: nullable(Type.String()),
  sort: nullable(stringEnum(MOH_SORTS)),
};
const rowSchema = Type.Object(mohFields);
/** A class as stored (no files). */
export type MohRow = Static<typeof rowSchema>;

/** `GET /moh/{uuid}`: the class and the names of its files, sorted. */
export const mohSchema = linked(
  'moh',
  { ...mohFields, files: Type.Array(Type.Object({ name: Type.String() })) },
  'uuid',
);
export type Moh = Static<typeof mohSchema>;

const optional = Type.Optional;
const inputProperties = {
  label: optional(Type.String({ maxLength: 128 })),
  /** Deprecated since Wazo 21.15: the label, when `label` is not given. */
  name: optional(Type.String({ maxLength: 128 })),
  mode: stringEnum(MOH_MODES),
  application: optional(nullable(Type.String({ maxLength: 256 }))),
  sort: optional(nullable(stringEnum(MOH_SORTS))),
};

/** POST /moh body: `label` (or the deprecated `name`) and `mode` are required. */
export const mohCreateSchema = Type.Object(inputProperties);
export type MohCreate = Static<typeof mohCreateSchema>;

/** PUT /moh/{uuid} body: what is given changes, the rest stays; the name is never changed. */
export const mohEditSchema = Type.Object({ ...inputProperties, mode: optional(inputProperties.mode) });
export type MohEdit = Static<typeof mohEditSchema>;
