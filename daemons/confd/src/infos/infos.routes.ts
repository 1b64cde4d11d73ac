/** `GET /infos`: the Wazo server's uuid and version, which @wazo/sdk reads after logging in. */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const Info = {
  type: 'object',
  properties: {
    uuid: { type: ['string', 'null'], description: 'UUID of the Wazo server' },
    wazo_version: { type: 'string', description: 'Version of the Wazo server' },
  },
} as const;

export const infosPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'info',
  load({ api, config }) {
    api.get(
      '/infos',
      {
        config: { acl: 'confd.infos.read' },
        schema: { summary: 'Get server info', tags: ['infos'], response: { 200: Info } },
      },
      async () => ({ uuid: config.uuid ?? null, wazo_version: config.wazo_version }),
    );
  },
};
