/**
 * wazo-dird's own configuration keys, with Wazo's names and defaults (wazo_dird/config.py) so a
 * Wazo config file carries over. The kit's base keys (rest_api, auth, bus, consul, db_uri,
 * log_level, ...) come on top. Every key has a default and a description: the schema is the
 * documentation (see docs/configuration.md for the layers and the base keys).
 */
import { type Static, Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()], { default: null });

const ConfdClientSchema = Type.Object(
  {
    host: Type.String({ default: 'localhost', description: 'wazo-confd host.' }),
    port: Type.Integer({ default: 9486, description: 'wazo-confd port.' }),
    prefix: Nullable(
      Type.String({ description: 'Path prefix before /1.1 (e.g. /api/confd behind a proxy).' }),
    ),
    https: Type.Boolean({ default: false, description: 'Talk to wazo-confd over HTTPS.' }),
    verify_certificate: Type.Union([Type.Boolean(), Type.String()], {
      default: true,
      description: 'Check its certificate: true, false, or a CA file path.',
    }),
    timeout: Type.Number({
      exclusiveMinimum: 0,
      default: 10,
      description: 'Seconds per call to wazo-confd.',
    }),
  },
  {
    additionalProperties: false,
    default: {},
    description: "wazo-confd, read with dird's service token (the wazo and conference backends).",
  },
);

const ExecutorSchema = (service: string) =>
  Type.Object(
    {
      executor_workers: Nullable(
        Type.Integer({
          minimum: 1,
          description: `Sources of one ${service} searched at once (null: rest_api.max_threads).`,
        }),
      ),
    },
    { additionalProperties: false, default: {}, description: `The ${service} service.` },
  );

export const DirdConfigSchema = Type.Object({
  confd: ConfdClientSchema,
  lookup_service: ExecutorSchema('lookup'),
  reverse_service: ExecutorSchema('reverse'),
  favorites_service: ExecutorSchema('favorites'),
  services: Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown()), {
    default: { service_discovery: { template_path: '/etc/wazo-dird/templates.d/', services: {} } },
    description: "Services' own settings, as Wazo's `services` key (service_discovery templates).",
  }),
  db_upgrade_on_startup: Type.Boolean({ default: true, description: 'Apply pending migrations at start.' }),
});

export type DirdOwnConfig = Static<typeof DirdConfigSchema>;
