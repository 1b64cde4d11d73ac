/**
 * Sound categories on disk, as Wazo keeps them: `<root>/<tenant uuid>/<category>/` holds files
 * without language, and `<category>/<language>/` files of that language; a file is
 * `<name>.<extension>`, its format the extension (`wav` being Asterisk's `slin`). Categories named
 * `monitor` and `recordings-meetme` are internal: never listed nor served.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

export const SYSTEM_CATEGORY = 'system';
export const DEFAULT_CATEGORIES = ['acd', 'features', 'playback', 'recordings'];
export const RESERVED_CATEGORIES = ['monitor', 'recordings-meetme'];
/** Wazo's category and language names: a letter or digit, then letters, digits, `-`, `_`, `.`. */
export const DIRECTORY_REGEX = /^[a-zA-Z0-9][-_.a-zA-Z0-9]+$/;

export interface SoundFormat {
  format: string | null;
  language: string | null;
  tenant_uuid: string | null;
  text: string | null;
  /** The file's path without its extension, as Wazo shows it. */
  path: string | null;
}
export interface SoundFile {
  name: string;
  tenant_uuid: string | null;
  formats: SoundFormat[];
}
export interface SoundCategory {
  name: string;
  tenant_uuid: string | null;
  files: SoundFile[];
}

/** Which files a read keeps: of a language, of a format, of a name (all three optional). */
export interface SoundFilter {
  language?: string | undefined;
  format?: string | undefined;
  file_name?: string | undefined;
}

export const formatOfExtension = (extension: string): string | null =>
  extension === '' ? null : extension === 'wav' ? 'slin' : extension;
export const extensionOfFormat = (format: string): string => (format === 'slin' ? 'wav' : format);

async function entries(dir: string) {
  return readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
    throw error;
  });
}

const visible = (name: string) => !name.startsWith('.');

export function createSoundFolders(root: string) {
  const folderOf = (tenantUuid: string, category: string) => join(root, tenantUuid, category);

  /** Every file of the category that passes `filter`, grouped by name, sorted. */
  async function filesOf(tenantUuid: string, category: string, filter: SoundFilter): Promise<SoundFile[]> {
    const base = folderOf(tenantUuid, category);
    const found: { name: string; format: SoundFormat }[] = [];
    const collect = async (dir: string, language: string | null) => {
      for (const entry of await entries(dir)) {
        if (!entry.isFile() || !visible(entry.name)) continue;
        const extension = extname(entry.name).replace(/^\./, '');
        const name = extension ? entry.name.slice(0, -(extension.length + 1)) : entry.name;
        const format = formatOfExtension(extension);
        if (filter.format !== undefined && format !== filter.format) continue;
        if (filter.file_name !== undefined && name !== filter.file_name && entry.name !== filter.file_name)
          continue;
        found.push({
          name,
          format: { format, language, tenant_uuid: tenantUuid, text: null, path: join(dir, name) },
        });
      }
    };
    if (filter.language === undefined) await collect(base, null);
    for (const entry of await entries(base))
      if (entry.isDirectory() && visible(entry.name) && (filter.language ?? entry.name) === entry.name)
        await collect(join(base, entry.name), entry.name);
    const files = new Map<string, SoundFile>();
    for (const { name, format } of found.sort((a, b) => a.name.localeCompare(b.name))) {
      const file = files.get(name) ?? { name, tenant_uuid: tenantUuid, formats: [] };
      file.formats.push(format);
      files.set(name, file);
    }
    return [...files.values()];
  }

  return {
    folderOf,

    /** Where a file goes: `<category>/[<language>/]<name>[.<extension>]`. */
    fileFolder: (tenantUuid: string, category: string, language?: string) =>
      language ? join(folderOf(tenantUuid, category), language) : folderOf(tenantUuid, category),

    /** The category, or null when it does not exist (or is internal). */
    async find(
      tenantUuid: string,
      category: string,
      filter: SoundFilter = {},
      withFiles = true,
    ): Promise<SoundCategory | null> {
      if (RESERVED_CATEGORIES.includes(category) || !visible(category) || /[/\\\0]/.test(category))
        return null;
      const found = await stat(folderOf(tenantUuid, category)).catch(() => null);
      if (!found?.isDirectory()) return null;
      return {
        name: category,
        tenant_uuid: tenantUuid,
        files: withFiles ? await filesOf(tenantUuid, category, filter) : [],
      };
    },

    /** The categories of each tenant, each tenant's sorted by name. */
    async list(tenantUuids: readonly string[], filter: SoundFilter): Promise<SoundCategory[]> {
      const categories: SoundCategory[] = [];
      for (const tenantUuid of tenantUuids) {
        const names = (await entries(join(root, tenantUuid)))
          .filter((e) => e.isDirectory() && visible(e.name) && !RESERVED_CATEGORIES.includes(e.name))
          .map((e) => e.name)
          .sort();
        for (const name of names)
          categories.push({ name, tenant_uuid: tenantUuid, files: await filesOf(tenantUuid, name, filter) });
      }
      return categories;
    },
  };
}

export type SoundFolders = ReturnType<typeof createSoundFolders>;

/** Asterisk's own sounds, which Wazo reads through ARI: none here (no Asterisk is asked). */
export const systemCategory = (): SoundCategory => ({ name: SYSTEM_CATEGORY, tenant_uuid: null, files: [] });
