/** `GET /infos`: the Wazo server's uuid and version, which @wazo/sdk reads after logging in. */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { Nullable, Type } from '@wazo-ts/daemon/schema';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const Info = Type.Object({
  uuid: Nullable(Type.String(), { description: 'UUID of the Wazo server' }),
  wazo_version: Type.String({ description: 'Version of the Wazo server' }),
});

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
