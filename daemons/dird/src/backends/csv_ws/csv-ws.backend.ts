/**
 * The csv_ws backend: a web service answering CSV. A lookup GETs `lookup_url` with one query
 * parameter per searched column (`?firstname=ali&lastname=ali`); a reverse GETs it with the
 * first-matched columns set to the number and keeps exact matches; favorites GET `list_url`
 * and keep the ids asked for. Each call bounded by `timeout` and the lookup's deadline, the
 * certificate checked unless `verify_certificate` is false.
 */
import type { Backend, LoadedSource, LookupContext, SourceConfig, SourceEntry } from '../backend.js';
import { csvEntries } from '../csv/csv-entries.js';
import { httpGet } from '../http-get.js';
import { firstMatchOf, listByIds } from '../matching.js';
import { csvWsSourceSchema } from '../schemas.js';

export const csvWsBackend: Backend = {
  name: 'csv_ws',
  schema: csvWsSourceSchema.fields,
  load(config: SourceConfig): LoadedSource {
    const extern = config.extern;
    const delimiter = typeof extern.delimiter === 'string' ? extern.delimiter : ',';
    const unique = typeof extern.unique_column === 'string' ? extern.unique_column : null;
    const timeoutMs = (typeof extern.timeout === 'number' ? extern.timeout : 10) * 1000;
    const verify =
      typeof extern.verify_certificate === 'boolean' || typeof extern.verify_certificate === 'string'
        ? extern.verify_certificate
        : true;

    async function fetchEntries(
      address: unknown,
      params: Record<string, string>,
      context: LookupContext,
    ): Promise<SourceEntry[]> {
      if (typeof address !== 'string' || address === '') return [];
      const url = new URL(address);
      for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
      const answer = await httpGet(url, { timeoutMs, signal: context.signal, verifyCertificate: verify });
      if (answer.status !== 200) throw new Error(`${url.host} answered ${answer.status}`);
      return csvEntries(answer.body.toString('utf8'), delimiter, unique);
    }
    const paramsOf = (columns: string[], value: string) =>
      Object.fromEntries(columns.map((column) => [column, value]));

    return {
      config,
      search: (term, context) =>
        fetchEntries(extern.lookup_url, paramsOf(config.searchedColumns, term), context),
      async firstMatch(exten, context) {
        const entries = await fetchEntries(
          extern.lookup_url,
          paramsOf(config.firstMatchedColumns, exten),
          context,
        );
        return firstMatchOf(entries, config.firstMatchedColumns, exten);
      },
      async list(ids, context) {
        return listByIds(await fetchEntries(extern.list_url, {}, context), ids);
      },
    };
  },
};
