/**
 * `GET /backends/phonebook/sources/{source_uuid}/contacts`: the contacts of a phonebook source's
 * phonebook, with Wazo's list parameters and `{total, filtered, items}`. The source must be the
 * tenant's; its phonebook must still be there.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { Type } from '@wazo-ts/daemon/schema';
import { NotFoundError } from '@wazo-ts/errors';
import { ContactSchema } from '../../contacts/http.js';
import type { DirdConfig } from '../../definition.js';
import { ContactListQuery, pageOf, tenantsOf } from '../../phonebooks/phonebooks.routes.js';
import { createPhonebooksService } from '../../phonebooks/phonebooks.service.js';
import type { DirdResources } from '../../resources.js';

const Params = Type.Object({ source_uuid: Type.String({ format: 'uuid' }) });

export const phonebookSourceContactsPlugin: DaemonPlugin<DirdConfig, DirdResources> = {
  name: 'phonebook_backend',
  load({ api, resources }) {
    const phonebooks = createPhonebooksService({ db: resources.db });
    api.withTypeProvider<TypeBoxTypeProvider>().get(
      '/backends/phonebook/sources/:source_uuid/contacts',
      {
        config: { acl: 'dird.backends.phonebook.sources.{source_uuid}.contacts.read' },
        schema: {
          summary: "A phonebook source's contacts",
          tags: ['phonebook'],
          params: Params,
          querystring: ContactListQuery,
          response: {
            200: Type.Object({
              total: Type.Integer(),
              filtered: Type.Integer(),
              items: Type.Array(ContactSchema),
            }),
          },
        },
      },
      async (request) => {
        const tenants = tenantsOf(request);
        const { source_uuid: uuid } = request.params;
        const source = tenants.length
          ? await resources.db
              .selectFrom('dird_source')
              .select('extern')
              .where('uuid', '=', uuid)
              .where('backend', '=', 'phonebook')
              .where('tenant_uuid', 'in', tenants)
              .executeTakeFirst()
          : undefined;
        if (!source)
          throw new NotFoundError(`No such source: "${uuid}"`, {
            errorId: 'unknown-source',
            resource: 'sources',
            details: { uuid },
          });
        const phonebookUuid = String(source.extern.phonebook_uuid ?? '');
        try {
          const page = pageOf(request.query);
          const [list, counts] = await Promise.all([
            phonebooks.listContacts(tenants, phonebookUuid, page),
            phonebooks.countContacts(tenants, phonebookUuid, page.search),
          ]);
          return { total: counts.total, filtered: counts.filtered, items: list.items };
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
          throw new NotFoundError(
            `Phonebook ${phonebookUuid} not found in tenants ${JSON.stringify(tenants)}`,
            {
              errorId: 'unknown-phonebook',
              resource: 'phonebook-source-contacts',
              details: { phonebook_key: { uuid: phonebookUuid }, visible_tenants: tenants },
            },
          );
        }
      },
    );
  },
};
