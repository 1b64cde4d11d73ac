/**
 * Lists of what the system offers: `GET /timezones` (the host's time zones, read once at load)
 * and `GET /sounds/languages` (the languages of Asterisk's sounds, which Wazo asks Asterisk's
 * ARI; wazo-ts drives no Asterisk yet, so none).
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { ListOf, Type } from '@wazo-ts/daemon/schema';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { availableTimezones } from './timezones.js';

export const timezonesPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'timezone',
  load({ api }) {
    const zones = availableTimezones().map((zone_name) => ({ zone_name }));
    api.get(
      '/timezones',
      {
        config: { acl: 'confd.timezones.get' },
        schema: {
          summary: 'List time zones',
          tags: ['timezones'],
          response: { 200: ListOf(Type.Object({ zone_name: Type.String() })) },
        },
      },
      async () => ({ total: zones.length, items: zones }),
    );
  },
};

export const soundLanguagesPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'sound_language',
  load({ api }) {
    api.get(
      '/sounds/languages',
      {
        config: { acl: 'confd.sounds.languages.get' },
        schema: {
          summary: 'List the languages of the sounds',
          tags: ['sounds'],
          response: { 200: ListOf(Type.Object({ tag: Type.String() })) },
        },
      },
      async () => ({ total: 0, items: [] }),
    );
  },
};
