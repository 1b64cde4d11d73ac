/** The sources' request and response schemas, per backend, from the backends' own fields. */
import { Type } from '@wazo-ts/daemon/schema';
import type { TObject } from 'typebox';
import { BACKEND_SOURCE_SCHEMAS, CommonSourceFields } from '../backends/schemas.js';
import { listQuerySchema, listResultSchema } from '../common/list.js';

const Uuid = Type.String({ format: 'uuid' });

/** POST and PUT body of /backends/{backend}/sources: the common fields and the backend's. */
export function sourceBodySchema(backend: string): TObject {
  const schema = BACKEND_SOURCE_SCHEMAS[backend];
  if (!schema) throw new Error(`unknown backend ${backend}`);
  const { name, ...common } = CommonSourceFields;
  return Type.Object({
    ...(schema.nameFromBackend ? {} : { name }),
    ...common,
    ...schema.fields.properties,
  });
}

/** A source as answered: every field, the backend's optional (a stored source may predate one). */
export function sourceSchema(backend: string): TObject {
  const schema = BACKEND_SOURCE_SCHEMAS[backend];
  if (!schema) throw new Error(`unknown backend ${backend}`);
  return Type.Object({
    uuid: Uuid,
    tenant_uuid: Uuid,
    ...CommonSourceFields,
    ...Type.Partial(schema.fields).properties,
    ...Object.fromEntries(Object.entries(schema.answered ?? {}).map(([k, v]) => [k, Type.Optional(v)])),
  });
}

export const sourceListQuery = (backend: string) => {
  const schema = BACKEND_SOURCE_SCHEMAS[backend];
  if (!schema) throw new Error(`unknown backend ${backend}`);
  return listQuerySchema(schema.sortColumns, schema.filterColumns);
};

export const sourceListSchema = (backend: string) => listResultSchema(sourceSchema(backend));

export const SourceParams = Type.Object({ source_uuid: Type.String() });

export const SourceSummarySchema = Type.Object({
  uuid: Uuid,
  tenant_uuid: Uuid,
  name: Type.String(),
  backend: Type.String(),
});

export const SummaryListQuery = listQuerySchema(['name', 'backend'], ['uuid', 'backend', 'name']);
export const SummaryListSchema = listResultSchema(SourceSummarySchema);
