/**
 * wazo-websocketd's own configuration keys, with Wazo's names and defaults where Wazo has them.
 * The kit's base keys (rest_api, auth, bus, log_*, ...) come on top: the websocket is served on
 * `rest_api.listen`/`rest_api.port` (Wazo's `websocket.listen`/`port`), TLS included.
 */
import { type Static, Type } from 'typebox';

// Seconds that become a timer: setTimeout takes at most 2^31-1 ms, and fires after 1 ms beyond.
const MAX_TIMER_SECONDS = 2_147_483;

export const WebsocketSchema = Type.Object(
  {
    ping_interval: Type.Number({
      minimum: 0,
      maximum: MAX_TIMER_SECONDS,
      default: 60,
      description:
        'Seconds between websocket pings from the server; a client that did not answer the previous one is cut (0: no pings).',
    }),
    max_buffered_bytes: Type.Integer({
      minimum: 1024,
      default: 4194304,
      description:
        'Bytes of events waiting to be sent to one client; beyond it the client is too slow and is closed with 1008.',
    }),
    max_sessions_per_token: Type.Integer({
      minimum: 1,
      default: 10,
      description:
        'Open sessions one token may hold; one more is closed with 4002 "too many sessions" (an app opens one per tab or device).',
    }),
    max_sessions_per_user: Type.Integer({
      minimum: 1,
      default: 50,
      description:
        'Open sessions one user may hold over all its tokens; one more is closed with 4002 "too many sessions".',
    }),
    // Accepted for compatibility with Wazo files: the kit's rest_api section says where to listen.
    listen: Type.Optional(Type.String({ description: 'Accepted from Wazo files; use rest_api.listen.' })),
    port: Type.Optional(Type.Integer({ description: 'Accepted from Wazo files; use rest_api.port.' })),
    certificate: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Unused.' })),
    private_key: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Unused.' })),
  },
  { additionalProperties: false },
);

export const WebsocketdConfigSchema = Type.Object({
  auth_check_strategy: Type.Union([Type.Literal('dynamic'), Type.Literal('static')], {
    default: 'dynamic',
    description:
      "How a session's token is re-checked: `dynamic` sleeps according to its expiry (Wazo's schedule), `static` every auth_check_static_interval seconds.",
  }),
  auth_check_static_interval: Type.Number({
    exclusiveMinimum: 0,
    maximum: MAX_TIMER_SECONDS,
    default: 60,
    description: 'Seconds between token checks with the static strategy.',
  }),
  websocket: WebsocketSchema,
  // Accepted for compatibility with Wazo files: one Node process serves every connection.
  process_workers: Type.Optional(
    Type.Union([Type.Integer(), Type.String()], { description: 'Accepted from Wazo files; unused.' }),
  ),
  worker_connections: Type.Optional(Type.Integer({ description: 'Accepted from Wazo files; unused.' })),
});

export type WebsocketdOwnConfig = Static<typeof WebsocketdConfigSchema>;
