/** Request and response schemas of the directories routes (Wazo's default_json and headers views). */
import { Nullable, Type } from '@wazo-ts/daemon/schema';

export const ProfileParams = Type.Object({ profile: Type.String({ minLength: 1 }) });
export const ProfileUserParams = Type.Object({
  profile: Type.String({ minLength: 1 }),
  user_uuid: Type.String({ minLength: 1 }),
});
export const FavoriteParams = Type.Object({
  directory: Type.String({ minLength: 1, description: "The source's name." }),
  contact: Type.String({ minLength: 1, description: "The entry's id in the source." }),
});

export const TermQuery = Type.Object({ term: Type.String({ description: 'What to search for.' }) });
export const ExtenQuery = Type.Object({ exten: Type.String({ description: 'The number to look up.' }) });

const Headers = {
  column_headers: Type.Array(Nullable(Type.String()), { description: "The display's column titles." }),
  column_types: Type.Array(Nullable(Type.String()), { description: "The display's column types." }),
};

export const HeadersAnswer = Type.Object(Headers);

export const Relations = Type.Object({
  xivo_id: Nullable(Type.String()),
  agent_id: Nullable(Type.Integer()),
  user_id: Nullable(Type.Integer()),
  user_uuid: Nullable(Type.String()),
  endpoint_id: Nullable(Type.Integer()),
  source_entry_id: Nullable(Type.String()),
});

const Result = Type.Object({
  column_values: Type.Array(Type.Unknown(), { description: 'One value per display column.' }),
  relations: Relations,
  source: Type.String(),
  backend: Type.String(),
});

export const FavoritesAnswer = Type.Object({ ...Headers, results: Type.Array(Result) });
export const LookupAnswer = Type.Object({ term: Type.String(), ...Headers, results: Type.Array(Result) });

export const ReverseAnswer = Type.Object({
  display: Nullable(Type.String(), { description: "The entry's `reverse` field." }),
  exten: Type.String(),
  fields: Type.Record(Type.String(), Type.Unknown()),
  source: Nullable(Type.String()),
});

export const SourceItem = Type.Object({
  uuid: Type.String(),
  tenant_uuid: Type.String(),
  name: Type.String(),
  backend: Type.String(),
});

export const ProfileSourcesQuery = Type.Object({
  backend: Type.Optional(Type.String()),
  search: Type.Optional(Type.String()),
  order: Type.Optional(Type.String({ enum: ['name', 'backend', 'uuid'] })),
  direction: Type.Optional(Type.String({ enum: ['asc', 'desc'] })),
  limit: Type.Optional(Type.Integer({ minimum: 0 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const ProfileSourcesAnswer = Type.Object({
  total: Type.Integer(),
  filtered: Type.Integer(),
  items: Type.Array(SourceItem),
});
