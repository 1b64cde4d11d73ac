/**
 * The google backend: the user's Google contacts (People API `people:searchContacts`, or the
 * connections for favorites) with the user's Google token from wazo-auth. Fields as Wazo's:
 * id, name, firstname, lastname, emails/email, numbers/number (and numbers_by_label), organizations.
 */
import type { Backend, LoadedSource, SourceConfig, SourceEntry } from '../backend.js';
import { externalSource } from '../external-contacts.js';
import { httpGetJson } from '../http-get.js';
import { lookupDependencies } from '../lookup-dependencies.js';
import { plainRelations } from '../matching.js';
import { googleSourceSchema } from '../schemas.js';

export const GOOGLE_PEOPLE_API = 'https://people.googleapis.com/v1';
const FIELDS = 'names,emailAddresses,phoneNumbers,organizations';

interface Person {
  resourceName: string;
  names?: Array<{ displayName?: string; givenName?: string; familyName?: string }>;
  emailAddresses?: Array<{ value?: string }>;
  phoneNumbers?: Array<{ value?: string; canonicalForm?: string; type?: string }>;
  organizations?: Array<{ name?: string }>;
}

export function googleEntry(person: Person): SourceEntry {
  const id = person.resourceName.replace(/^people\//, '');
  const name = person.names?.[0];
  const numbers = (person.phoneNumbers ?? []).map((phone) => phone.value ?? '').filter((n) => n !== '');
  const emails = (person.emailAddresses ?? []).map((email) => email.value ?? '').filter((e) => e !== '');
  const numbersByLabel: Record<string, string> = {};
  for (const phone of person.phoneNumbers ?? [])
    if (phone.type && phone.value) numbersByLabel[phone.type] ??= phone.value;
  return {
    fields: {
      id,
      name: name?.displayName ?? null,
      firstname: name?.givenName ?? null,
      lastname: name?.familyName ?? null,
      numbers,
      number: numbers[0] ?? null,
      numbers_by_label: numbersByLabel,
      emails,
      email: emails[0] ?? null,
      organizations: (person.organizations ?? []).map((org) => org.name ?? ''),
    },
    relations: plainRelations(id),
  };
}

export const googleBackend: Backend = {
  name: 'google',
  schema: googleSourceSchema.fields,
  load(config: SourceConfig, dependencies: Record<string, unknown>): LoadedSource {
    return externalSource(config, lookupDependencies(dependencies), {
      provider: 'google',
      async contacts(accessToken, term, context) {
        const url =
          term === null
            ? new URL(`${GOOGLE_PEOPLE_API}/people/me/connections?personFields=${FIELDS}&pageSize=1000`)
            : new URL(`${GOOGLE_PEOPLE_API}/people:searchContacts?readMask=${FIELDS}&pageSize=30`);
        if (term !== null) url.searchParams.set('query', term);
        const answer = await httpGetJson<{ results?: Array<{ person: Person }>; connections?: Person[] }>(
          url,
          {
            headers: { Authorization: `Bearer ${accessToken}` },
            timeoutMs: 10_000,
            signal: context.signal,
          },
        );
        const people = answer.connections ?? (answer.results ?? []).map((result) => result.person);
        return people.map(googleEntry);
      },
    });
  },
};
