/** Displays: the columns a lookup answers (titles, types, which field fills each). */
import { Nullable, Type } from '@wazo-ts/daemon/schema';
import { listQuerySchema, listResultSchema } from '../common/list.js';

const Text = Nullable(Type.String());

export const DisplayColumnSchema = Type.Object(
  {
    field: Type.Optional(Text),
    title: Type.Optional(Text),
    type: Type.Optional(Text),
    default: Type.Optional(Text),
    number_display: Type.Optional(
      Nullable(Type.String(), {
        description: 'How a client shows a number of this column; dird only stores it.',
      }),
    ),
  },
  { minProperties: 1, description: 'A column; an empty one is refused.' },
);

export const DisplayBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 512 }),
  columns: Type.Array(DisplayColumnSchema, { minItems: 1 }),
});

export const DisplaySchema = Type.Object({
  uuid: Type.String({ format: 'uuid' }),
  tenant_uuid: Type.String({ format: 'uuid' }),
  name: Type.String(),
  columns: Type.Array(
    Type.Object({ field: Text, title: Text, type: Text, default: Text, number_display: Text }),
  ),
});

export const DisplayListQuery = listQuerySchema(['name'], ['uuid', 'name']);
export const DisplayListSchema = listResultSchema(DisplaySchema);
export const DisplayParams = Type.Object({ display_uuid: Type.String() });
