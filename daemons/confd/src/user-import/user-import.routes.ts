/**
 * `POST /users/import`, `PUT /users/import` (CSV in, JSON out) and `GET /users/export` (CSV
 * out), in the tenant the request is scoped to (`Wazo-Tenant`, else the token's). The CSV body
 * parser lives in this plugin's own scope: no other confd route accepts `text/csv`. The body is
 * decoded with the charset its Content-Type names (UTF-8 by default), within the daemon's
 * `rest_api.max_body_size`.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { Nullable, OpenObject, Type } from '@wazo-ts/daemon/schema';
import { InvalidDataError } from '@wazo-ts/errors';
import type { FastifyInstance } from 'fastify';
import { withDirectory } from '../common/auth-users.js';
import { UNREADABLE_REQUEST } from '../common/errors.js';
import { scopingTenantOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { parseCsv } from './csv-rows.js';
import { createUserExport } from './user-export.js';
import { createUserImport } from './user-import.js';

const CSV = 'text/csv';

const importedIds = Type.Object({
  row_number: Type.Integer(),
  user_id: Type.Integer(),
  user_uuid: Type.String(),
  voicemail_id: Nullable(Type.Integer()),
  line_id: Nullable(Type.Integer()),
  sip_uuid: Nullable(Type.String()),
  sccp_id: Nullable(Type.Integer()),
  extension_id: Nullable(Type.Integer()),
  incall_extension_id: Nullable(Type.Integer()),
  call_permission_ids: Type.Array(Type.Integer()),
});

const rowErrors = Type.Object({
  errors: Type.Array(
    Type.Object({
      message: Type.String(),
      timestamp: Type.Integer(),
      details: Type.Object({
        row: OpenObject({ description: 'the row as sent, by column' }),
        row_number: Type.Integer(),
      }),
    }),
  ),
});

/** A bad row's errors, or (a body that is no CSV, a refused token) confd's list of messages. */
const badImport = Type.Union([rowErrors, Type.Array(Type.String())]);

const csvBody = Type.String({ description: "Wazo's users CSV: a header line, then one user per line" });

function invalidCharset(charset: string) {
  return new InvalidDataError(`Input Error - unknown charset: ${charset}`, { errorId: 'invalid-data' });
}

/** `text/csv` bodies decoded with their charset; only in the scope it is installed in. */
function acceptCsv(scope: FastifyInstance, bodyLimit: number): void {
  scope.addContentTypeParser(CSV, { parseAs: 'buffer', bodyLimit }, (request, body, done) => {
    const charset = /charset=([^;]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.trim() ?? 'utf-8';
    try {
      done(null, new TextDecoder(charset.replaceAll('"', '')).decode(body as Buffer));
    } catch {
      done(invalidCharset(charset), undefined);
    }
  });
}

function rowsOf(body: unknown) {
  if (typeof body !== 'string')
    throw new InvalidDataError(UNREADABLE_REQUEST, { errorId: 'invalid-data', details: {} });
  return parseCsv(body);
}

export const userImportPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'user_import',
  async load({ api, config, resources, serviceToken, logger }) {
    const deps = {
      services: resources.services,
      authUsers: withDirectory(resources.authUsers),
      serviceToken: () => serviceToken?.current()?.token ?? null,
      logger,
    };
    const userImport = createUserImport(deps);
    const userExport = createUserExport(deps);
    const tags = ['users'];

    await api.register(async (scope) => {
      acceptCsv(scope, config.rest_api.max_body_size);

      scope.post(
        '/users/import',
        {
          config: { acl: 'confd.users.import.create' },
          schema: {
            summary: 'Mass import users and associated resources',
            tags,
            consumes: [CSV],
            body: csvBody,
            response: { 201: Type.Object({ created: Type.Array(importedIds) }), 400: badImport },
          },
        },
        async (request, reply) => {
          const outcome = await userImport.create(scopingTenantOf(request), rowsOf(request.body));
          if (!outcome.ok) return reply.code(400).send({ errors: outcome.errors });
          return reply.code(201).send({ created: outcome.rows });
        },
      );

      scope.put(
        '/users/import',
        {
          config: { acl: 'confd.users.import.update' },
          schema: {
            summary: 'Mass update users and associated resources (by uuid)',
            tags,
            consumes: [CSV],
            body: csvBody,
            response: { 200: Type.Object({ updated: Type.Array(importedIds) }), 400: badImport },
          },
        },
        async (request, reply) => {
          const outcome = await userImport.update(scopingTenantOf(request), rowsOf(request.body));
          if (!outcome.ok) return reply.code(400).send({ errors: outcome.errors });
          return reply.code(200).send({ updated: outcome.rows });
        },
      );

      scope.get(
        '/users/export',
        {
          config: { acl: 'confd.users.export.read' },
          schema: {
            summary: 'Mass export users and associated resources',
            tags,
            produces: [`${CSV}; charset=utf-8`],
            response: { 200: Type.String({ description: 'the users as CSV, in Wazo’s columns' }) },
          },
        },
        async (request, reply) => {
          const csv = await userExport.csvOf(scopingTenantOf(request));
          return reply
            .type(`${CSV}; charset=utf-8`)
            .serializer((payload: unknown) => payload as string)
            .send(csv);
        },
      );
    });
  },
};
