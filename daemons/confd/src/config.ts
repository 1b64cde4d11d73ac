/**
 * wazo-confd's own configuration keys, with Wazo's names and defaults where Wazo has them, so a
 * Wazo config file carries over. The kit's base keys (rest_api, auth, bus, log_*, ...) come on top.
 */
import { type Static, Type } from 'typebox';

export const ConfdConfigSchema = Type.Object({
  db_uri: Type.String({
    default: 'postgresql://asterisk:proformatique@localhost/asterisk',
    description: 'The Service API database (xivo-dao `db_uri`).',
  }),
  db_upgrade_on_startup: Type.Boolean({
    default: true,
    description: 'Apply pending Service API migrations at start.',
  }),
  wazo_version: Type.String({
    default: '25.01',
    description: 'Version answered by GET /infos (Wazo reads it from its `infos` table).',
  }),
  tenant_sync_interval: Type.Number({
    minimum: 0,
    default: 3600,
    description:
      "Seconds between reconciliations of the tenant mirror with wazo-auth's list (0: only at start).",
  }),
  tenant_cache_ttl: Type.Number({
    minimum: 0,
    default: 10,
    description: 'Seconds a caller token keeps its list of visible sub-tenants (recurse=true).',
  }),
  data_dir: Type.String({
    default: '/var/lib/wazo-ts/confd',
    description:
      'Folder of the files confd keeps: music on hold files (moh/<tenant uuid>/<class name>/) and sounds (sounds/<tenant uuid>/<category>/).',
  }),
  max_upload_size: Type.Integer({
    minimum: 1,
    default: 52428800,
    description: 'Largest music on hold or sound file accepted, bytes (larger: 413).',
  }),
});

export type ConfdOwnConfig = Static<typeof ConfdConfigSchema>;
