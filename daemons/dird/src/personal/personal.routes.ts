/**
 * Wazo's /personal routes: the token's user's own contacts, with the legacy error body, the list
 * as JSON or CSV, and CSV import.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { userDeleted } from '@wazo-ts/bus';
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent, Type } from '@wazo-ts/daemon/schema';
import { UnauthorizedError } from '@wazo-ts/errors';
import type { FastifyRequest } from 'fastify';
import { contactsToCsv } from '../contacts/csv.js';
import {
  acceptCsv,
  ContactBody,
  ContactSchema,
  CSV,
  CsvBody,
  installLegacyErrors,
  LegacyError,
} from '../contacts/http.js';
import type { DirdConfig } from '../definition.js';
import type { DirdResources } from '../resources.js';
import { createPersonalService, type PersonalUser } from './personal.service.js';

const tags = ['personal'];
const ContactParams = Type.Object({ contact_id: Type.String({ minLength: 1 }) });
const errors = { 400: LegacyError, 404: LegacyError, 409: LegacyError };

/** The token's user; a token without one (a service's) may not have personal contacts. */
export function personalUserOf(request: FastifyRequest): PersonalUser {
  const metadata = request.auth?.token.metadata;
  const uuid = metadata?.uuid;
  if (!uuid) throw new UnauthorizedError('This token has no user UUID', { errorId: 'invalid-token' });
  return { uuid, tenantUuid: metadata.tenant_uuid ?? request.auth?.tenantUuid ?? '' };
}

/** CSV when the request says so (its Content-Type, as Wazo reads it, `format`, or Accept). */
function wantsCsv(headers: FastifyRequest['headers'], format: string | undefined): boolean {
  const mimetype = headers['content-type']?.split(';')[0]?.trim();
  if (mimetype) return mimetype === CSV;
  if (format) return format === CSV;
  return headers.accept?.split(',')[0]?.split(';')[0]?.trim() === CSV;
}

export const personalPlugin: DaemonPlugin<DirdConfig, DirdResources> = {
  name: 'personal',
  async load({ api, config, resources, bus, lifecycle, logger }) {
    const personal = createPersonalService({ db: resources.db });
    // A deleted user's contacts go with it (its favorites are the favorites service's).
    lifecycle.onStart(async () => {
      await bus.consumer.subscribe(userDeleted, async (event) => {
        const removed = await personal.userDeleted(event.data.uuid);
        if (removed > 0)
          logger.info({ user_uuid: event.data.uuid, removed }, 'personal contacts of a deleted user removed');
      });
    });
    await api.register(async (scope) => {
      acceptCsv(scope, config.rest_api.max_body_size);
      installLegacyErrors(scope, (errorId) => errorId === 'invalid-token');
      const routes = scope.withTypeProvider<TypeBoxTypeProvider>();

      routes.get(
        '/personal',
        {
          config: { acl: 'dird.personal.read', errorShape: 'legacy' },
          schema: {
            summary: "List the user's personal contacts, as JSON or CSV",
            description:
              'CSV (`text/csv`, one column per field, sorted) when `format=text/csv` or the request is `text/csv`; an empty CSV list is a 204.',
            tags,
            produces: ['application/json', CSV],
            querystring: Type.Object({ format: Type.Optional(Type.String()) }),
            response: { 200: Type.Object({ items: Type.Array(ContactSchema) }), 204: NoContent },
          },
        },
        async (request, reply) => {
          const contacts = await personal.list(personalUserOf(request));
          if (!wantsCsv(request.headers, request.query.format)) return { items: contacts };
          if (contacts.length === 0) return reply.code(204).send(null);
          // Text, not JSON: Fastify sends a string with its own Content-Type as it is.
          return reply.type('text/csv; charset=utf-8').send(contactsToCsv(contacts) as never);
        },
      );

      routes.post(
        '/personal',
        {
          config: { acl: 'dird.personal.create', errorShape: 'legacy' },
          schema: {
            summary: 'Add a personal contact',
            tags,
            body: ContactBody,
            response: { 201: ContactSchema, ...errors },
          },
        },
        async (request, reply) =>
          reply.code(201).send(await personal.create(personalUserOf(request), request.body)),
      );

      routes.delete(
        '/personal',
        {
          config: { acl: 'dird.personal.delete', errorShape: 'legacy' },
          schema: { summary: "Delete all the user's personal contacts", tags, response: { 204: NoContent } },
        },
        async (request, reply) => {
          await personal.purge(personalUserOf(request));
          return reply.code(204).send(null);
        },
      );

      routes.post(
        '/personal/import',
        {
          config: { acl: 'dird.personal.import.create', errorShape: 'legacy' },
          schema: {
            summary: 'Import personal contacts from CSV',
            description: 'The charset of the Content-Type (default utf-8) decodes the document.',
            tags,
            consumes: [CSV],
            body: CsvBody,
            response: {
              201: Type.Object({
                created: Type.Array(ContactSchema),
                failed: Type.Array(Type.Object({ line: Type.Integer(), errors: Type.Array(Type.String()) })),
              }),
              400: LegacyError,
            },
          },
        },
        async (request, reply) =>
          reply.code(201).send(await personal.import(personalUserOf(request), request.body)),
      );

      routes.get(
        '/personal/:contact_id',
        {
          config: { acl: 'dird.personal.{contact_id}.read', errorShape: 'legacy' },
          schema: {
            summary: 'Read a personal contact',
            tags,
            params: ContactParams,
            response: { 200: ContactSchema, ...errors },
          },
        },
        async (request) => personal.get(personalUserOf(request), request.params.contact_id),
      );

      routes.put(
        '/personal/:contact_id',
        {
          config: { acl: 'dird.personal.{contact_id}.update', errorShape: 'legacy' },
          schema: {
            summary: 'Replace a personal contact',
            tags,
            params: ContactParams,
            body: ContactBody,
            response: { 200: ContactSchema, ...errors },
          },
        },
        async (request) => personal.edit(personalUserOf(request), request.params.contact_id, request.body),
      );

      routes.delete(
        '/personal/:contact_id',
        {
          config: { acl: 'dird.personal.{contact_id}.delete', errorShape: 'legacy' },
          schema: {
            summary: 'Delete a personal contact',
            tags,
            params: ContactParams,
            response: { 204: NoContent, ...errors },
          },
        },
        async (request, reply) => {
          await personal.delete(personalUserOf(request), request.params.contact_id);
          return reply.code(204).send(null);
        },
      );
    });
  },
};
