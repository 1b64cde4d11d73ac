/**
 * `POST /graphql` (Wazo's graphql plugin): `me { contacts(profile, extens) }` answers the
 * reverse lookup of many numbers at once, as the SDK uses it; also `user(uuid)` and `hello`.
 * Each root field has its own ACL (`dird.graphql.<field>`), checked here, so the route itself
 * is public and reads the token as the kit does.
 */
import { aclMatcherFor, type DaemonApi, invalidTokenError, type TokenVerifier } from '@wazo-ts/daemon';
import { OpenObject, Type } from '@wazo-ts/daemon/schema';
import {
  GraphQLInt,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  graphql,
} from 'graphql';
import type { LookupService } from './lookup.service.js';
import type { SourceResult } from './results.js';

interface GraphqlContext {
  tenantUuid: string;
  userUuid: string | null;
  token: string;
  allowed(field: string): boolean;
}

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
const contactFields = {
  firstname: { type: GraphQLString, resolve: (r: SourceResult) => text(r.fields.firstname) },
  lastname: { type: GraphQLString, resolve: (r: SourceResult) => text(r.fields.lastname) },
  email: { type: GraphQLString, resolve: (r: SourceResult) => text(r.fields.email) },
  wazoReverse: { type: GraphQLString, resolve: (r: SourceResult) => text(r.fields.reverse) },
  wazoSourceEntryId: { type: GraphQLString, resolve: (r: SourceResult) => r.relations.source_entry_id },
  wazoSourceName: { type: GraphQLString, resolve: (r: SourceResult) => r.source.name },
  wazoBackend: { type: GraphQLString, resolve: (r: SourceResult) => r.source.backend },
};

function buildSchema(lookup: LookupService): GraphQLSchema {
  const Contact = new GraphQLInterfaceType({
    name: 'ContactInterface',
    fields: () => contactFields,
    resolveType: (result: SourceResult) =>
      result.source.backend === 'wazo' ? 'WazoContact' : 'UnknownContact',
  });
  const WazoContact = new GraphQLObjectType<SourceResult>({
    name: 'WazoContact',
    interfaces: [Contact],
    fields: {
      ...contactFields,
      userId: { type: GraphQLInt, resolve: (r) => r.relations.user_id },
      userUuid: { type: GraphQLString, resolve: (r) => r.relations.user_uuid },
      endpointId: { type: GraphQLInt, resolve: (r) => r.relations.endpoint_id },
      agentId: { type: GraphQLInt, resolve: (r) => r.relations.agent_id },
    },
  });
  const UnknownContact = new GraphQLObjectType<SourceResult>({
    name: 'UnknownContact',
    interfaces: [Contact],
    fields: contactFields,
  });
  const Edge = new GraphQLObjectType<SourceResult>({
    name: 'ContactEdge',
    fields: { node: { type: Contact, resolve: (r) => r } },
  });
  const Connection = new GraphQLObjectType<SourceResult[]>({
    name: 'ContactConnection',
    fields: { edges: { type: new GraphQLList(Edge), resolve: (results) => results } },
  });
  const contacts = {
    type: Connection,
    args: {
      profile: { type: new GraphQLNonNull(GraphQLString) },
      extens: { type: new GraphQLList(GraphQLString) },
    },
    async resolve(
      user: { uuid: string | null },
      args: { profile: string; extens?: string[] | null },
      context: GraphqlContext,
    ) {
      const extens = (args.extens ?? []).filter((exten): exten is string => typeof exten === 'string');
      if (extens.length === 0) return [];
      const found = await lookup.reverseMany(context.tenantUuid, args.profile, extens, {
        ...context,
        userUuid: user.uuid,
      });
      return extens.flatMap((exten) => {
        const result = found.get(exten);
        return result ? [result] : [];
      });
    },
  };
  const User = new GraphQLObjectType<{ uuid: string | null }>({
    name: 'UserMe',
    fields: {
      userUuid: { type: GraphQLString, resolve: (user) => user.uuid },
      uuid: { type: GraphQLString, resolve: (user) => user.uuid },
      contacts,
    },
  });
  const guard = (field: string, context: GraphqlContext) => {
    if (!context.allowed(`dird.graphql.${field}`))
      throw new Error(`Unauthorized: dird.graphql.${field} is required`);
  };
  const Query = new GraphQLObjectType({
    name: 'Query',
    fields: {
      hello: {
        type: GraphQLString,
        resolve: (_root, _args, context: GraphqlContext) => {
          guard('hello', context);
          return 'world';
        },
      },
      me: {
        type: User,
        resolve: (_root, _args, context: GraphqlContext) => {
          guard('me', context);
          return { uuid: context.userUuid };
        },
      },
      user: {
        type: User,
        args: { uuid: { type: new GraphQLNonNull(GraphQLString) } },
        resolve: (_root, args: { uuid: string }, context: GraphqlContext) => {
          guard('user', context);
          return { uuid: args.uuid };
        },
      },
    },
  });
  return new GraphQLSchema({ query: Query, types: [WazoContact, UnknownContact] });
}

const Body = Type.Object({
  query: Type.String({ minLength: 1 }),
  variables: Type.Optional(Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()])),
  operationName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

export function registerGraphqlRoutes(
  api: DaemonApi,
  options: { lookup: LookupService; tokenVerifier: TokenVerifier | undefined },
) {
  const schema = buildSchema(options.lookup);
  api.post(
    '/graphql',
    {
      // The ACL is each root field's (dird.graphql.me, .user, .hello), checked in the resolvers.
      config: { public: true },
      schema: {
        summary: 'Query contacts in GraphQL (X-Auth-Token required; ACL dird.graphql.<root field>)',
        tags: ['graphql'],
        body: Body,
        response: { 200: OpenObject({ description: '`{data, errors}`' }) },
      },
    },
    async (request) => {
      const header = request.headers['x-auth-token'];
      const token = typeof header === 'string' ? header : '';
      const info = token && options.tokenVerifier ? await options.tokenVerifier.get(token) : null;
      if (!info) throw invalidTokenError(token, 'dird.graphql.me');
      const tenantUuid = info.metadata.tenant_uuid;
      if (!tenantUuid) throw invalidTokenError(token, 'dird.graphql.me');
      const matcher = aclMatcherFor(info);
      const userUuid = typeof info.metadata.uuid === 'string' ? info.metadata.uuid : null;
      const context: GraphqlContext = { tenantUuid, userUuid, token, allowed: (acl) => matcher.matches(acl) };
      const result = await graphql({
        schema,
        source: request.body.query,
        variableValues: request.body.variables ?? undefined,
        operationName: request.body.operationName ?? undefined,
        contextValue: context,
      });
      return JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
    },
  );
}
