/**
 * Wazo's /phonebooks routes: a tenant's phonebooks (Wazo-Tenant) and their contacts, with the
 * legacy error body, and the contacts' CSV import whose errors are APIErrors.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { NoContent, Nullable, StringEnum, Type } from '@wazo-ts/daemon/schema';
import { isWazoError } from '@wazo-ts/errors';
import type { FastifyRequest } from 'fastify';
import { parseCsv } from '../contacts/csv.js';
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
import { IMPORT_ERROR_PREFIX, importError } from './phonebooks.errors.js';
import { createPhonebooksService } from './phonebooks.service.js';

const tags = ['phonebook'];
/** Import documents may be far larger than JSON bodies (a 10,000-entry phonebook is ~1 MB). */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

export const PhonebookSchema = Type.Object({
  id: Type.Integer(),
  uuid: Type.String({ format: 'uuid' }),
  tenant_uuid: Type.String({ format: 'uuid' }),
  name: Type.String(),
  description: Nullable(Type.String()),
});
const PhonebookBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  description: Type.Optional(Nullable(Type.String())),
});
const PhonebookParams = Type.Object({ phonebook_uuid: Type.String({ format: 'uuid' }) });
const ContactParams = Type.Object({
  phonebook_uuid: Type.String({ format: 'uuid' }),
  contact_uuid: Type.String({ minLength: 1 }),
});
const page = {
  search: Type.Optional(Type.String({ description: 'Matches any field, accents and case ignored' })),
  direction: Type.Optional(StringEnum(['asc', 'desc'])),
  limit: Type.Optional(Type.Integer({ minimum: 0 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  recurse: Type.Optional(Type.Boolean({ default: false })),
};
const PhonebookListQuery = Type.Object({
  ...page,
  order: Type.Optional(StringEnum(['name', 'description'])),
});
/** Wazo's contact list: sorted by `name` unless told, case-insensitively. */
export const ContactListQuery = Type.Object({
  ...page,
  order: Type.Optional(StringEnum(['firstname', 'lastname', 'name'], { default: 'name' })),
});
const ImportError = Type.Object({
  message: Type.String(),
  error_id: Type.String(),
  details: Type.Unknown(),
  timestamp: Type.Number(),
});
const errors = { 400: LegacyError, 404: LegacyError, 409: LegacyError };

/** The tenants an item route sees: its scoping tenant only, as Wazo's (recurse=False). */
export const tenantsOf = (request: FastifyRequest): string[] =>
  request.auth?.tenantUuid ? [request.auth.tenantUuid] : [];

/** Limit 0 is Wazo's "no limit". */
export const pageOf = <Q extends { limit?: number | undefined }>(query: Q) => ({
  ...query,
  limit: query.limit ? query.limit : undefined,
});

export const phonebooksPlugin: DaemonPlugin<DirdConfig, DirdResources> = {
  name: 'phonebook',
  async load({ api, resources }) {
    const phonebooks = createPhonebooksService({ db: resources.db });
    await api.register(async (scope) => {
      acceptCsv(scope, IMPORT_BODY_LIMIT, (error) =>
        importError('bad-encoding', `bad input encoding: ${error.message}`, {
          error: error.message,
          ...(error.details as object),
        }),
      );
      installLegacyErrors(scope, (errorId) => errorId.startsWith(IMPORT_ERROR_PREFIX));
      const routes = scope.withTypeProvider<TypeBoxTypeProvider>();
      const legacy = (acl: string) => ({ acl, errorShape: 'legacy' as const });

      routes.get(
        '/phonebooks',
        {
          config: legacy('dird.phonebooks.read'),
          schema: {
            summary: "List the tenant's phonebooks",
            tags,
            querystring: PhonebookListQuery,
            response: {
              200: Type.Object({ total: Type.Integer(), items: Type.Array(PhonebookSchema) }),
              400: LegacyError,
            },
          },
        },
        async (request) => {
          // Sub-tenants (recurse) are wazo-auth's answer, through the daemon's tenant scopes.
          const { recurse, ...query } = request.query;
          const tenants = resources.scopes
            ? await resources.scopes.visible(request, recurse ?? false)
            : tenantsOf(request);
          return phonebooks.list(tenants, pageOf(query));
        },
      );

      routes.post(
        '/phonebooks',
        {
          config: legacy('dird.phonebooks.create'),
          schema: {
            summary: 'Create a phonebook',
            tags,
            body: PhonebookBody,
            response: { 201: PhonebookSchema, ...errors },
          },
        },
        async (request, reply) =>
          reply.code(201).send(await phonebooks.create(request.auth?.tenantUuid ?? '', request.body)),
      );

      routes.get(
        '/phonebooks/:phonebook_uuid',
        {
          config: legacy('dird.phonebooks.{phonebook_uuid}.read'),
          schema: {
            summary: 'Read a phonebook',
            tags,
            params: PhonebookParams,
            response: { 200: PhonebookSchema, ...errors },
          },
        },
        async (request) => phonebooks.get(tenantsOf(request), request.params.phonebook_uuid),
      );

      routes.put(
        '/phonebooks/:phonebook_uuid',
        {
          config: legacy('dird.phonebooks.{phonebook_uuid}.update'),
          schema: {
            summary: 'Edit a phonebook',
            tags,
            params: PhonebookParams,
            body: PhonebookBody,
            response: { 200: PhonebookSchema, ...errors },
          },
        },
        async (request) => phonebooks.edit(tenantsOf(request), request.params.phonebook_uuid, request.body),
      );

      routes.delete(
        '/phonebooks/:phonebook_uuid',
        {
          config: legacy('dird.phonebooks.{phonebook_uuid}.delete'),
          schema: {
            summary: 'Delete a phonebook and its contacts',
            tags,
            params: PhonebookParams,
            response: { 204: NoContent, ...errors },
          },
        },
        async (request, reply) => {
          await phonebooks.delete(tenantsOf(request), request.params.phonebook_uuid);
          return reply.code(204).send(null);
        },
      );

      routes.get(
        '/phonebooks/:phonebook_uuid/contacts',
        {
          config: legacy('dird.phonebooks.{phonebook_uuid}.contacts.read'),
          schema: {
            summary: "List a phonebook's contacts",
            tags,
            params: PhonebookParams,
            querystring: ContactListQuery,
            response: {
              200: Type.Object({ total: Type.Integer(), items: Type.Array(ContactSchema) }),
              ...errors,
            },
          },
        },
        async (request) =>
          phonebooks.listContacts(tenantsOf(request), request.params.phonebook_uuid, pageOf(request.query)),
      );

      routes.post(
        '/phonebooks/:phonebook_uuid/contacts',
        {
          config: legacy('dird.phonebooks.{phonebook_uuid}.contacts.create'),
          schema: {
            summary: 'Add a contact to a phonebook',
            tags,
            params: PhonebookParams,
            body: ContactBody,
            response: { 201: ContactSchema, ...errors },
          },
        },
        async (request, reply) =>
          reply
            .code(201)
            .send(
              await phonebooks.createContact(tenantsOf(request), request.params.phonebook_uuid, request.body),
            ),
      );

      routes.post(
        '/phonebooks/:phonebook_uuid/contacts/import',
        {
          config: legacy('dird.phonebooks.{phonebook_uuid}.contacts.create'),
          schema: {
            summary: 'Import contacts into a phonebook from CSV',
            description:
              'All or nothing: duplicate columns, an empty file, a bad charset or any invalid line is a 400 `phonebook-contact-import-*` error; contacts the phonebook has are skipped.',
            tags,
            consumes: [CSV],
            params: PhonebookParams,
            body: CsvBody,
            response: {
              201: Type.Object({ created: Type.Array(ContactSchema), failed: Type.Array(Type.Unknown()) }),
              400: ImportError,
              404: LegacyError,
            },
          },
        },
        async (request, reply) => {
          let document: ReturnType<typeof parseCsv>;
          try {
            document = parseCsv(request.body);
          } catch (error) {
            if (!isWazoError(error)) throw error;
            throw importError('invalid-file', `invalid contact import file: ${error.message}`, {
              error: error.message,
            });
          }
          const outcome = await phonebooks.importContacts(
            tenantsOf(request),
            request.params.phonebook_uuid,
            document,
            Buffer.byteLength(request.body),
          );
          return reply.code(201).send(outcome);
        },
      );

      routes.get(
        '/phonebooks/:phonebook_uuid/contacts/:contact_uuid',
        {
          config: legacy('dird.phonebooks.{phonebook_uuid}.contacts.{contact_uuid}.read'),
          schema: {
            summary: 'Read a phonebook contact',
            tags,
            params: ContactParams,
            response: { 200: ContactSchema, ...errors },
          },
        },
        async (request) =>
          phonebooks.getContact(
            tenantsOf(request),
            request.params.phonebook_uuid,
            request.params.contact_uuid,
          ),
      );

      routes.put(
        '/phonebooks/:phonebook_uuid/contacts/:contact_uuid',
        {
          config: legacy('dird.phonebooks.{phonebook_uuid}.contacts.{contact_uuid}.update'),
          schema: {
            summary: 'Replace a phonebook contact',
            tags,
            params: ContactParams,
            body: ContactBody,
            response: { 200: ContactSchema, ...errors },
          },
        },
        async (request) =>
          phonebooks.editContact(
            tenantsOf(request),
            request.params.phonebook_uuid,
            request.params.contact_uuid,
            request.body,
          ),
      );

      routes.delete(
        '/phonebooks/:phonebook_uuid/contacts/:contact_uuid',
        {
          config: legacy('dird.phonebooks.{phonebook_uuid}.contacts.{contact_uuid}.delete'),
          schema: {
            summary: 'Delete a phonebook contact',
            tags,
            params: ContactParams,
            response: { 204: NoContent, ...errors },
          },
        },
        async (request, reply) => {
          await phonebooks.deleteContact(
            tenantsOf(request),
            request.params.phonebook_uuid,
            request.params.contact_uuid,
          );
          return reply.code(204).send(null);
        },
      );
    });
  },
};
