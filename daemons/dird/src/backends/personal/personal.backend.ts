/**
 * The `personal` backend (Wazo's personal plugin): a source over the asking user's own contacts.
 * Search is `unaccent(value) ILIKE '%term%'` on the searched columns, reverse an exact match on
 * the first-matched columns; the unique column is `id`. Without a user (a service token) the
 * source has nothing.
 */
import { Type } from '@wazo-ts/daemon/schema';
import type { Backend } from '../backend.js';
import { type ContactsDependencies, contactsSource } from '../contacts-source.js';

export const personalBackend: Backend = {
  name: 'personal',
  schema: Type.Object({}),
  load: (source, dependencies) =>
    contactsSource(source, dependencies as ContactsDependencies, (context) =>
      context.userUuid ? { userUuid: context.userUuid } : null,
    ),
};
