/**
 * Music on hold (`/moh`, Wazo's `moh` plugin): the classes (list, read, create, edit, delete) and
 * their files (`/moh/{uuid}/files/{filename}`: upload the raw bytes, download, delete). A class's
 * files are in `<data_dir>/moh/<tenant uuid>/<class name>/`; a class in `files` mode takes only
 * WAV files Asterisk plays (mono, 8 or 16 kHz, at most 16 bits), as Wazo checks them.
 */
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Type } from '@wazo-ts/daemon/schema';
import {
  inputError,
  type Moh,
  type MohRow,
  mohCreateSchema,
  mohEditSchema,
  mohSchema,
  notFound,
  scopeOf,
} from '@wazo-ts/dao';
import type { FastifyRequest } from 'fastify';
import { LIST_FILTERS } from '../common/list-filters.js';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import {
  attachment,
  isSafeFilename,
  listFiles,
  openFile,
  removeFile,
  removeFolder,
  saveFile,
  tooLarge,
} from '../media/media-files.js';
import { checkMohWav } from '../media/wav-check.js';
import type { ConfdResources } from '../resources.js';

const tags = ['moh'];
const OCTET_STREAM = 'application/octet-stream';
const MohParams = Type.Object({ moh_uuid: Type.String() });
const MohFileParams = Type.Object({ moh_uuid: Type.String(), filename: Type.String() });

export const mohPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'moh',
  async load({ api, resources, config }) {
    const { moh, tenants } = resources.services;
    const visible = resources.visibleTenants;
    const itemScope = (request: FastifyRequest) => tenantScopeOf(request, visible, true);
    const folderOf = (row: MohRow) => join(config.data_dir, 'moh', row.tenant_uuid, row.name);
    const withFiles = async (row: MohRow): Promise<Moh> => ({
      ...row,
      files: (await listFiles(folderOf(row))).map((name) => ({ name })),
    });
    const fileMissing = (row: MohRow, filename: string) => notFound('MOH file', { uuid: row.uuid, filename });

    api.get(
      '/moh',
      {
        config: { acl: 'confd.moh.read' },
        schema: {
          summary: 'List MOH classes',
          tags,
          querystring: listQuerySchema(LIST_FILTERS.moh),
          response: { 200: ListOf(mohSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query);
        const page = await moh.search(await tenantScopeOf(request, visible, recurse), params);
        return { total: page.total, items: await Promise.all(page.items.map(withFiles)) };
      },
    );

    api.get(
      '/moh/:moh_uuid',
      {
        config: { acl: 'confd.moh.{moh_uuid}.read' },
        schema: { summary: 'Get MOH class', tags, params: MohParams, response: { 200: mohSchema } },
      },
      async (request) => withFiles(await moh.get(await itemScope(request), request.params.moh_uuid)),
    );

    api.post(
      '/moh',
      {
        config: { acl: 'confd.moh.create' },
        schema: { summary: 'Create MOH class', tags, body: mohCreateSchema, response: { 201: mohSchema } },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        await tenants.ensure(tenantUuid);
        const created = await moh.create(scopeOf(tenantUuid), tenantUuid, request.body);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/moh/${created.uuid}`))
          .send(await withFiles(created));
      },
    );

    api.put(
      '/moh/:moh_uuid',
      {
        config: { acl: 'confd.moh.{moh_uuid}.update' },
        schema: {
          summary: 'Update MOH class',
          tags,
          params: MohParams,
          body: mohEditSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await moh.edit(await itemScope(request), request.params.moh_uuid, request.body);
        return reply.code(204).send(null);
      },
    );

    api.delete(
      '/moh/:moh_uuid',
      {
        config: { acl: 'confd.moh.{moh_uuid}.delete' },
        schema: { summary: 'Delete MOH class', tags, params: MohParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        const deleted = await moh.delete(await itemScope(request), request.params.moh_uuid);
        await removeFolder(folderOf(deleted));
        return reply.code(204).send(null);
      },
    );

    api.get(
      '/moh/:moh_uuid/files/:filename',
      {
        config: { acl: 'confd.moh.{moh_uuid}.files.{filename}.read' },
        schema: {
          summary: 'Download a MOH file',
          tags,
          params: MohFileParams,
          produces: [OCTET_STREAM],
          response: { 200: Type.String({ description: 'the file, as an attachment' }) },
        },
      },
      async (request, reply) => {
        const { moh_uuid, filename } = request.params;
        const row = await moh.get(await itemScope(request), moh_uuid);
        const stream = isSafeFilename(filename) ? await openFile(folderOf(row), filename) : null;
        if (!stream) throw fileMissing(row, filename);
        return reply
          .type(OCTET_STREAM)
          .header('content-disposition', attachment(filename))
          .send(stream as never);
      },
    );

    await api.register(async (scope) => {
      // The upload is the raw body, whatever its type: handed on unread, streamed to disk.
      const raw = (
        _request: FastifyRequest,
        payload: Readable,
        done: (e: Error | null, b?: unknown) => void,
      ) => done(null, payload);
      scope.addContentTypeParser(OCTET_STREAM, raw);
      scope.addContentTypeParser('*', raw);

      scope.put(
        '/moh/:moh_uuid/files/:filename',
        {
          config: { acl: 'confd.moh.{moh_uuid}.files.{filename}.update' },
          schema: {
            summary: 'Upload a MOH file (its bytes as the body), replacing one of that name',
            tags,
            params: MohFileParams,
            consumes: [OCTET_STREAM],
            response: { 204: NoContent },
          },
        },
        async (request, reply) => {
          const { moh_uuid, filename } = request.params as { moh_uuid: string; filename: string };
          const row = await moh.get(await itemScope(request), moh_uuid);
          if (!isSafeFilename(filename))
            throw inputError(`filename: ['Invalid file name.']`, { field: 'filename' });
          if (Number(request.headers['content-length'] ?? 0) > config.max_upload_size) throw tooLarge();
          const body = request.body as Readable | undefined;
          if (!body || typeof (body as Readable).pipe !== 'function')
            throw inputError(`wav_file: ['Not able to read audio file: "file does not start with RIFF id"']`);
          await saveFile(
            folderOf(row),
            filename,
            body,
            config.max_upload_size,
            row.mode === 'files' ? checkMohWav : undefined,
          );
          return reply.code(204).send(null);
        },
      );
    });

    api.delete(
      '/moh/:moh_uuid/files/:filename',
      {
        config: { acl: 'confd.moh.{moh_uuid}.files.{filename}.delete' },
        schema: { summary: 'Delete a MOH file', tags, params: MohFileParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        const { moh_uuid, filename } = request.params;
        const row = await moh.get(await itemScope(request), moh_uuid);
        if (!isSafeFilename(filename) || !(await removeFile(folderOf(row), filename)))
          throw fileMissing(row, filename);
        return reply.code(204).send(null);
      },
    );
  },
};
