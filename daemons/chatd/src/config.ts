/**
 * wazo-chatd's own configuration keys, with Wazo's names and defaults so a Wazo config file
 * carries over. The kit's base keys (rest_api, auth, bus, consul, log_level, ...) come on top.
 */
import { type Static, Type } from 'typebox';
import { RoomsConfigSchema } from './rooms/rooms.config.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()], { default: null });

/** How chatd reaches wazo-confd (users, lines, DND at start). */
export const ConfdClientSchema = Type.Object(
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
    timeout: Type.Number({ default: 90, description: 'Seconds per call to wazo-confd.' }),
  },
  { additionalProperties: false, default: {} },
);

export const ChatdConfigSchema = Type.Object({
  rooms: RoomsConfigSchema,
  db_uri: Type.String({
    default: 'postgresql://postgres@localhost/wazo_chatd',
    description: "wazo-chatd's own PostgreSQL database (presences, rooms, messages).",
  }),
  db_upgrade_on_startup: Type.Boolean({ default: true, description: 'Apply pending migrations at start.' }),
  confd: ConfdClientSchema,
  initialization: Type.Object(
    {
      enabled: Type.Boolean({
        default: true,
        description:
          'Read tenants, users, lines, sessions and refresh tokens from wazo-auth and wazo-confd at start; the presence routes answer 503 not-initialized until done.',
      }),
      token_expiration: Type.Integer({
        minimum: 60,
        default: 600,
        description:
          "Accepted from Wazo files and unused: the synchronization uses the daemon's service token.",
      }),
    },
    { additionalProperties: false, default: {} },
  ),
});

export type ChatdOwnConfig = Static<typeof ChatdConfigSchema>;
export type ConfdClientConfig = Static<typeof ConfdClientSchema>;
