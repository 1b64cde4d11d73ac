/** What the admin and user subscription routes share: path and query schemas, tags. */
import { Type } from '@wazo-ts/daemon/schema';

export const Params = Type.Object({ subscription_uuid: Type.String() });
export const ListQuery = Type.Object({
  recurse: Type.Boolean({ default: false, description: 'Include the sub-tenants of the tenant.' }),
  search_metadata: Type.Optional(
    Type.Array(Type.String(), { description: '`key:value`, repeatable: every pair must match.' }),
  ),
});
export const UserListQuery = Type.Object({ search_metadata: ListQuery.properties.search_metadata });
export const ServicesSchema = Type.Object({
  services: Type.Record(Type.String(), Type.Object({})),
});

export const tags = ['subscriptions'];
