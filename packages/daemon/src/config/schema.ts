/**
 * The configuration keys every daemon shares, with Wazo's names so a Wazo config file carries
 * over. Each daemon adds its own top-level keys (see `DaemonDefinition.configSchema`). Sections are
 * closed (`additionalProperties: false`): a typo inside `rest_api` stops the daemon. Unknown
 * top-level keys only produce a warning, because Wazo files carry keys of features we lack.
 */
import { type Static, Type } from 'typebox';

export const LOG_LEVELS = ['critical', 'error', 'warning', 'info', 'debug'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const CorsSchema = Type.Object(
  {
    enabled: Type.Boolean({ default: true, description: 'Answer CORS preflights and add CORS headers.' }),
    allow_headers: Type.Array(Type.String(), {
      default: ['Content-Type', 'X-Auth-Token', 'Wazo-Tenant'],
      description: 'Request headers a browser may send (Access-Control-Allow-Headers).',
    }),
    allow_origins: Type.Array(Type.String(), {
      default: ['*'],
      description: "Origins allowed to call the API; '*' allows any.",
    }),
    expose_headers: Type.Array(Type.String(), {
      default: [],
      description: 'Response headers a browser may read.',
    }),
  },
  { additionalProperties: false },
);

export const RestApiSchema = Type.Object(
  {
    listen: Type.String({ default: '127.0.0.1', description: 'Address the HTTP server binds.' }),
    port: Type.Integer({ minimum: 0, maximum: 65535, description: "The daemon's port (Wazo's by default)." }),
    certificate: Nullable(
      Type.String({ description: 'PEM certificate file; with private_key, serve HTTPS.' }),
    ),
    private_key: Nullable(Type.String({ description: 'PEM private key file.' })),
    cors: CorsSchema,
    max_body_size: Type.Integer({
      minimum: 1024,
      default: 1048576,
      description: 'Largest request body, bytes.',
    }),
    request_timeout: Type.Integer({
      minimum: 0,
      default: 60,
      description: 'Seconds before a request is cut.',
    }),
    trusted_proxies: Type.Array(Type.String(), {
      default: [],
      description:
        'Proxies (addresses or CIDR) whose X-Forwarded-For/-Proto/-Host are believed (client address, Location links); not loopback by default, as any local process could forge these.',
    }),
    // Optional in the type only (the defaults layer gives null), so literal configs need not name it.
    proxy_secret: Type.Optional(
      Nullable(
        Type.String({
          minLength: 16,
          description:
            "Secret a proxy sends in X-Wazo-Proxy-Secret to have its X-Forwarded-* believed (the platform's gateway does); unset: none.",
        }),
      ),
    ),
    shutdown_grace: Type.Number({
      minimum: 0,
      default: 10,
      description: 'Seconds to drain requests on stop.',
    }),
    // Accepted for compatibility with Wazo files (thread pool sizes of the Python servers); unused.
    min_threads: Type.Optional(Type.Integer({ description: 'Accepted from Wazo files; unused.' })),
    max_threads: Type.Optional(Type.Integer({ description: 'Accepted from Wazo files; unused.' })),
  },
  { additionalProperties: false },
);

export const AuthClientSchema = Type.Object(
  {
    host: Type.String({ default: 'localhost', description: 'wazo-auth host.' }),
    port: Type.Integer({ default: 9497, description: 'wazo-auth port.' }),
    prefix: Nullable(
      Type.String({ description: 'Path prefix before /0.1 (e.g. /api/auth behind a proxy).' }),
    ),
    https: Type.Boolean({ default: false, description: 'Talk to wazo-auth over HTTPS.' }),
    verify_certificate: Type.Union([Type.Boolean(), Type.String()], {
      default: true,
      description: 'Check its certificate: true, false, or a CA file path.',
    }),
    timeout: Type.Number({ default: 10, description: 'Seconds per call to wazo-auth.' }),
    key_file: Nullable(
      Type.String({ description: 'YAML file with service_id/service_key for our own token.' }),
    ),
    username: Nullable(Type.String({ description: 'Service account login (from key_file when unset).' })),
    password: Nullable(Type.String({ description: 'Service account password (from key_file when unset).' })),
    token_expiration: Type.Integer({
      minimum: 60,
      default: 21600,
      description: 'Our own token lifetime, s.',
    }),
  },
  { additionalProperties: false },
);

export const BusSchema = Type.Object(
  {
    transport: Type.Union([Type.Literal('amqp'), Type.Literal('memory')], {
      default: 'amqp',
      description: "'amqp' for RabbitMQ, 'memory' for the in-process bus of the all-in-one mode.",
    }),
    uri: Nullable(Type.String({ description: 'amqp:// URI; overrides the fields below when set.' })),
    username: Type.String({ default: 'guest', description: 'RabbitMQ user.' }),
    password: Type.String({ default: 'guest', description: 'RabbitMQ password.' }),
    host: Type.String({ default: 'localhost', description: 'RabbitMQ host.' }),
    port: Type.Integer({ default: 5672, description: 'RabbitMQ port.' }),
    vhost: Type.String({ default: '/', description: 'RabbitMQ virtual host.' }),
    exchange_name: Type.String({ default: 'wazo-headers', description: 'Exchange events are published to.' }),
    exchange_type: Type.String({ default: 'headers', description: 'Type of that exchange.' }),
    enabled: Type.Optional(
      Type.Boolean({ description: 'Accepted from Wazo files (some daemons can run without a bus).' }),
    ),
  },
  { additionalProperties: false },
);

export const ConsulSchema = Type.Object(
  {
    scheme: Type.Union([Type.Literal('http'), Type.Literal('https')], {
      default: 'http',
      description: 'How to reach the Consul agent.',
    }),
    host: Type.String({ default: 'localhost', description: 'Consul agent host.' }),
    port: Type.Integer({ default: 8500, description: 'Consul agent port.' }),
    token: Nullable(Type.String({ description: 'ACL token sent as X-Consul-Token.' })),
    verify: Type.Union([Type.Boolean(), Type.String()], {
      default: true,
      description: 'Check its certificate: true, false, or a CA file path.',
    }),
  },
  { additionalProperties: false },
);

export const ServiceDiscoverySchema = Type.Object(
  {
    enabled: Type.Boolean({ default: false, description: 'Register this daemon in Consul.' }),
    advertise_address: Type.String({ default: 'auto', description: "Address announced; 'auto' reads it." }),
    advertise_address_interface: Type.String({ default: 'eth0', description: "Interface read by 'auto'." }),
    advertise_port: Nullable(Type.Integer({ description: 'Port announced; rest_api.port when null.' })),
    ttl_interval: Type.Number({ minimum: 1, default: 30, description: 'Consul TTL check, seconds.' }),
    refresh_interval: Type.Number({ minimum: 1, default: 27, description: 'Seconds between TTL passes.' }),
    retry_interval: Type.Number({ minimum: 0.1, default: 2, description: 'Seconds between failed tries.' }),
    extra_tags: Type.Array(Type.String(), {
      default: [],
      description: 'Consul tags added to the uuid and name.',
    }),
  },
  { additionalProperties: false },
);

export const BaseConfigSchema = Type.Object({
  config_file: Type.String({ description: 'Main YAML file.' }),
  extra_config_files: Type.String({ description: 'Folder of *.yml files layered above the main file.' }),
  debug: Type.Boolean({ default: false, description: 'Log at debug level, whatever log_level says.' }),
  log_level: Type.Union(
    LOG_LEVELS.map((l) => Type.Literal(l)),
    { default: 'info', description: 'critical, error, warning, info or debug (any case).' },
  ),
  log_filename: Type.String({ description: "The daemon's own log file." }),
  log_stdout: Type.Boolean({ default: true, description: 'Also write log lines to stdout/stderr.' }),
  log_format: Type.Union([Type.Literal('json'), Type.Literal('text')], {
    default: 'json',
    description:
      "json (one JSON object a line) or text (Wazo's line format: time [pid] (LEVEL) (name): message key=value).",
  }),
  user: Nullable(Type.String({ description: 'System user to run as after binding ports.' })),
  allow_root: Type.Boolean({ default: false, description: 'Run as root when no user is set (not advised).' }),
  uuid: Nullable(Type.String({ description: 'The Wazo uuid (env XIVO_UUID): bus origin_uuid, Consul tag.' })),
  db_uri: Nullable(Type.String({ description: 'PostgreSQL URI of the Service API database.' })),
  rest_api: RestApiSchema,
  auth: AuthClientSchema,
  bus: BusSchema,
  consul: ConsulSchema,
  service_discovery: ServiceDiscoverySchema,
  enabled_plugins: Type.Record(Type.String(), Type.Boolean(), {
    default: {},
    description:
      'Plugin name (or module specifier) to on/off. Built-in plugins load unless false; others only when true.',
  }),
  plugin_modules: Type.Record(Type.String(), Type.String(), {
    default: {},
    description:
      'External plugins: name to npm package or file path (relative to the config file folder). Enable with enabled_plugins.',
  }),
  plugin_failure: Type.Union([Type.Literal('abort'), Type.Literal('degrade')], {
    default: 'abort',
    description:
      "A plugin that fails to load stops the daemon ('abort') or is reported in /status ('degrade').",
  }),
});

export type BaseConfig = Static<typeof BaseConfigSchema>;
export type RestApiConfig = Static<typeof RestApiSchema>;
export type AuthClientConfig = Static<typeof AuthClientSchema>;
export type BusConfig = Static<typeof BusSchema>;
export type ConsulConfig = Static<typeof ConsulSchema>;
export type ServiceDiscoveryConfig = Static<typeof ServiceDiscoverySchema>;
