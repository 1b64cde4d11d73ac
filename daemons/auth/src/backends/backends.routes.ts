/**
 * `GET /backends` (public): the authentication backends this wazo-auth supports. Wazo also lists
 * `ldap_user`; we have no LDAP backend, so we list only `wazo_user` rather than promise a login
 * path that would always fail.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { Type } from '@wazo-ts/daemon/schema';

export const SUPPORTED_BACKENDS = ['wazo_user'] as const;

export const backendsPlugin: DaemonPlugin = {
  name: 'backends',
  load({ api }) {
    api.get(
      '/backends',
      {
        config: { public: true },
        schema: {
          summary: 'List the authentication backends',
          response: {
            200: Type.Object({ data: Type.Array(Type.String()) }),
          },
        },
      },
      async () => ({ data: [...SUPPORTED_BACKENDS] }),
    );
  },
};
