/**
 * The office365 backend: the user's Microsoft contacts (Graph, the source's `endpoint`, by
 * default /me/contacts) with the user's Microsoft token from wazo-auth. Fields as Graph names
 * them (givenName, surname, displayName, mobilePhone, businessPhones, homePhones,
 * emailAddresses) with `numbers` and `email` for the display.
 */
import type { Backend, LoadedSource, SourceConfig, SourceEntry } from '../backend.js';
import { externalSource } from '../external-contacts.js';
import { httpGetJson } from '../http-get.js';
import { lookupDependencies } from '../lookup-dependencies.js';
import { plainRelations } from '../matching.js';
import { office365SourceSchema } from '../schemas.js';

export const OFFICE365_DEFAULT_ENDPOINT = 'https://graph.microsoft.com/v1.0/me/contacts';

interface GraphContact {
  id: string;
  givenName?: string | null;
  surname?: string | null;
  displayName?: string | null;
  mobilePhone?: string | null;
  businessPhones?: string[];
  homePhones?: string[];
  emailAddresses?: Array<{ address?: string }>;
}

export function office365Entry(contact: GraphContact): SourceEntry {
  const numbers = [
    contact.mobilePhone,
    ...(contact.businessPhones ?? []),
    ...(contact.homePhones ?? []),
  ].filter((n): n is string => typeof n === 'string' && n !== '');
  const emails = (contact.emailAddresses ?? []).map((email) => email.address ?? '').filter((e) => e !== '');
  return {
    fields: {
      id: contact.id,
      givenName: contact.givenName ?? null,
      surname: contact.surname ?? null,
      displayName: contact.displayName ?? null,
      mobilePhone: contact.mobilePhone ?? null,
      businessPhones: contact.businessPhones ?? [],
      homePhones: contact.homePhones ?? [],
      emailAddresses: contact.emailAddresses ?? [],
      numbers,
      number: numbers[0] ?? null,
      email: emails[0] ?? null,
    },
    relations: plainRelations(contact.id),
  };
}

export const office365Backend: Backend = {
  name: 'office365',
  schema: office365SourceSchema.fields,
  load(config: SourceConfig, dependencies: Record<string, unknown>): LoadedSource {
    const endpoint =
      typeof config.extern.endpoint === 'string' ? config.extern.endpoint : OFFICE365_DEFAULT_ENDPOINT;
    return externalSource(config, lookupDependencies(dependencies), {
      provider: 'microsoft',
      async contacts(accessToken, _term, context) {
        const url = new URL(endpoint);
        url.searchParams.set('$top', '1000');
        const answer = await httpGetJson<{ value?: GraphContact[] }>(url, {
          headers: { Authorization: `Bearer ${accessToken}` },
          timeoutMs: 10_000,
          signal: context.signal,
        });
        return (answer.value ?? []).map(office365Entry);
      },
    });
  },
};
