/**
 * Sounds (`/sounds`, Wazo's `sound` plugin): a tenant's sound categories (folders under
 * `<data_dir>/sounds/tenants/<tenant uuid>/`) listed, read, created and deleted, and their files
 * (`/sounds/{category}/files/{filename}?language=&format=`) uploaded, downloaded and deleted.
 * Wazo's `system` category is Asterisk's own sounds, read through ARI: without Asterisk it is
 * listed with no files, its files are not found, and it cannot be written, as in Wazo.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, NoContent, Nullable, Type } from '@wazo-ts/daemon/schema';
import { inputError, linked, notFound, resourceError, resourceExists } from '@wazo-ts/dao';
import type { FastifyRequest } from 'fastify';
import { listQuerySchema, parseListQuery } from '../common/list-params.js';
import { locationOf } from '../common/location.js';
import { scopingTenantOf, tenantScopeOf } from '../common/scope.js';
import type { ConfdConfig } from '../definition.js';
import {
  attachment,
  isSafeFilename,
  openFile,
  removeFile,
  removeFolder,
  saveFile,
  tooLarge,
} from '../media/media-files.js';
import type { ConfdResources } from '../resources.js';
import {
  createSoundFolders,
  DEFAULT_CATEGORIES,
  DIRECTORY_REGEX,
  extensionOfFormat,
  RESERVED_CATEGORIES,
  type SoundCategory,
  type SoundFilter,
  SYSTEM_CATEGORY,
  systemCategory,
} from './sound-folders.js';

const tags = ['sounds'];
const OCTET_STREAM = 'application/octet-stream';

const soundFormatSchema = Type.Object({
  format: Nullable(Type.String()),
  language: Nullable(Type.String()),
  tenant_uuid: Nullable(Type.String()),
  text: Nullable(Type.String()),
  path: Nullable(Type.String()),
});
const soundFileSchema = Type.Object({
  name: Type.String(),
  tenant_uuid: Nullable(Type.String()),
  formats: Type.Array(soundFormatSchema),
});
const soundSchema = linked(
  'sounds',
  { tenant_uuid: Nullable(Type.String()), name: Type.String(), files: Type.Array(soundFileSchema) },
  'name',
);
const soundCreateSchema = Type.Object({ name: Type.String() });
const fileQuery = { language: Type.Optional(Type.String()), format: Type.Optional(Type.String()) };
const FileQuery = Type.Object(fileQuery);
const CategoryParams = Type.Object({ category: Type.String() });
const FileParams = Type.Object({ category: Type.String(), filename: Type.String() });

const notPermitted = (why: string) => resourceError(`Operation not permitted. ${why}`);
const soundMissing = (criteria: Record<string, string>) => notFound('Sound', criteria);

/** Wazo's checks of a category name, every failing one worded as marshmallow words it. */
function checkName(name: unknown): string {
  if (typeof name !== 'string') throw inputError("name: ['Not a valid string.']");
  const problems: string[] = [];
  if (name.length < 1 || name.length > 149) problems.push('Length must be between 1 and 149.');
  if (name === SYSTEM_CATEGORY) problems.push('Invalid input.');
  if (RESERVED_CATEGORIES.includes(name))
    problems.push(
      `The following name are reserved for internal usage: [${RESERVED_CATEGORIES.map((n) => `'${n}'`).join(', ')}]`,
    );
  if (!DIRECTORY_REGEX.test(name)) problems.push('String does not match expected pattern.');
  if (problems.length > 0) throw inputError(`name: [${problems.map((p) => `'${p}'`).join(', ')}]`);
  return name;
}

/** The `language` and `format` of a query: a language is a folder name, a format an extension. */
function filterOf(query: { language?: string; format?: string }): SoundFilter {
  if (query.language !== undefined && !DIRECTORY_REGEX.test(query.language))
    throw inputError("language: ['String does not match expected pattern.']");
  if (query.format !== undefined && !isSafeFilename(query.format))
    throw notPermitted(`Dangerous path fragment: "['${query.format}']"`);
  return { language: query.language, format: query.format };
}

export const soundsPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'sound',
  async load({ api, resources, config }) {
    const { sounds } = resources.services;
    const visible = resources.visibleTenants;
    const folders = createSoundFolders(join(config.data_dir, 'sounds', 'tenants'));

    /** The scoping tenant's category (only its own, as Wazo), or Wazo's 404. */
    async function categoryOf(
      request: FastifyRequest,
      category: string,
      filter: SoundFilter = {},
      withFiles = true,
    ): Promise<SoundCategory> {
      if (category === SYSTEM_CATEGORY) return systemCategory();
      const found = await folders.find(scopingTenantOf(request), category, filter, withFiles);
      if (!found) {
        const given = Object.entries(filter).filter(([, value]) => value !== undefined);
        throw soundMissing({ name: category, ...Object.fromEntries(given) });
      }
      return found;
    }

    api.get(
      '/sounds',
      {
        config: { acl: 'confd.sounds.read' },
        schema: {
          summary: 'List sound categories',
          tags,
          querystring: listQuerySchema(fileQuery),
          response: { 200: ListOf(soundSchema) },
        },
      },
      async (request) => {
        const { params, recurse } = parseListQuery(request.query, { ignore: ['language', 'format'] });
        const scope = await tenantScopeOf(request, visible, recurse);
        const all = [...(await folders.list(scope.tenantUuids, filterOf(request.query))), systemCategory()];
        const order = params.order ?? 'name';
        if (order !== 'name') throw inputError(`order: column '${order}' was not found`);
        const found = all
          .filter((category) => !params.search || category.name.includes(params.search))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        if (params.direction === 'desc') found.reverse();
        const offset = params.offset ?? 0;
        const items = found.slice(offset, params.limit === undefined ? undefined : offset + params.limit);
        return { total: all.length, items };
      },
    );

    api.get(
      '/sounds/:category',
      {
        config: { acl: 'confd.sounds.{category}.read' },
        schema: {
          summary: 'Get sound category',
          tags,
          params: CategoryParams,
          response: { 200: soundSchema },
        },
      },
      async (request) => categoryOf(request, request.params.category),
    );

    api.post(
      '/sounds',
      {
        config: { acl: 'confd.sounds.create' },
        schema: {
          summary: 'Create sound category',
          tags,
          body: soundCreateSchema,
          response: { 201: soundSchema },
        },
      },
      async (request, reply) => {
        const tenantUuid = scopingTenantOf(request);
        const name = checkName(request.body.name);
        const folder = folders.folderOf(tenantUuid, name);
        try {
          await mkdir(join(folder, '..'), { recursive: true, mode: 0o775 });
          await mkdir(folder, { mode: 0o775 });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          throw resourceExists(`SoundCategory(tenant_uuid=${tenantUuid}, name=${name}, files=<0>)`, { name });
        }
        await sounds.created(tenantUuid, name);
        return reply
          .code(201)
          .header('location', locationOf(request, '1.1', `/sounds/${name}`))
          .send({ tenant_uuid: tenantUuid, name, files: [] });
      },
    );

    api.delete(
      '/sounds/:category',
      {
        config: { acl: 'confd.sounds.{category}.delete' },
        schema: {
          summary: 'Delete sound category',
          tags,
          params: CategoryParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const category = await categoryOf(request, request.params.category, {}, false);
        if (category.name === SYSTEM_CATEGORY || DEFAULT_CATEGORIES.includes(category.name))
          throw notPermitted('Cannot delete default sound category');
        const tenantUuid = scopingTenantOf(request);
        await removeFolder(folders.folderOf(tenantUuid, category.name));
        await sounds.deleted(tenantUuid, category.name);
        return reply.code(204).send(null);
      },
    );

    /** The paths of the file a request names, those without language first (Wazo's order). */
    async function pathsOf(request: FastifyRequest, category: string, filename: string, query: object) {
      const filter = { ...filterOf(query), file_name: filename };
      if (category === SYSTEM_CATEGORY || !isSafeFilename(filename))
        throw soundMissing({ name: category, file_name: filename });
      const found = await categoryOf(request, category, filter);
      const [file] = found.files;
      if (!file) throw notFound('Sound file', { name: category });
      return file.formats
        .map((format) => `${format.path}${format.format ? `.${extensionOfFormat(format.format)}` : ''}`)
        .sort((a, b) => a.length - b.length);
    }

    api.get(
      '/sounds/:category/files/:filename',
      {
        config: { acl: 'confd.sounds.{category}.files.{filename}.read' },
        schema: {
          summary: 'Download a sound file',
          tags,
          params: FileParams,
          querystring: FileQuery,
          produces: [OCTET_STREAM],
          response: { 200: Type.String({ description: 'the file, as an attachment' }) },
        },
      },
      async (request, reply) => {
        const { category, filename } = request.params;
        const [path] = await pathsOf(request, category, filename, request.query);
        const slash = path!.lastIndexOf('/');
        const stream = await openFile(path!.slice(0, slash), path!.slice(slash + 1));
        if (!stream) throw notFound('Sound file', { name: category });
        return reply
          .type(OCTET_STREAM)
          .header('content-disposition', attachment(path!.slice(slash + 1)))
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
        '/sounds/:category/files/:filename',
        {
          config: { acl: 'confd.sounds.{category}.files.{filename}.update' },
          schema: {
            summary: 'Upload a sound file (its bytes as the body) in a language and format',
            tags,
            params: FileParams,
            querystring: FileQuery,
            consumes: [OCTET_STREAM],
            response: { 204: NoContent },
          },
        },
        async (request, reply) => {
          const { category, filename } = request.params as { category: string; filename: string };
          const query = request.query as { language?: string; format?: string };
          if (category === SYSTEM_CATEGORY) throw notPermitted('Cannot update system sounds');
          const filter = filterOf(query);
          if (!isSafeFilename(filename)) throw soundMissing({ name: category, file_name: filename });
          const found = await categoryOf(request, category, {}, false);
          if (Number(request.headers['content-length'] ?? 0) > config.max_upload_size) throw tooLarge();
          const name = filter.format ? `${filename}.${extensionOfFormat(filter.format)}` : filename;
          const body = request.body as Readable | undefined;
          const folder = folders.fileFolder(scopingTenantOf(request), found.name, filter.language);
          // No body (an empty upload) makes an empty file, as Wazo writes one.
          const content = body && typeof body.pipe === 'function' ? body : Readable.from([]);
          await saveFile(folder, name, content, config.max_upload_size);
          return reply.code(204).send(null);
        },
      );
    });

    api.delete(
      '/sounds/:category/files/:filename',
      {
        config: { acl: 'confd.sounds.{category}.files.{filename}.delete' },
        schema: {
          summary: 'Delete a sound file (of a language and format)',
          tags,
          params: FileParams,
          querystring: FileQuery,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        const { category, filename } = request.params;
        if (category === SYSTEM_CATEGORY) throw notPermitted('Cannot delete system sounds');
        for (const path of await pathsOf(request, category, filename, request.query)) {
          const slash = path.lastIndexOf('/');
          await removeFile(path.slice(0, slash), path.slice(slash + 1));
        }
        return reply.code(204).send(null);
      },
    );
  },
};
