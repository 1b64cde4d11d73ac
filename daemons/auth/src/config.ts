/**
 * wazo-auth's own configuration keys, with Wazo's names and defaults so a Wazo config file
 * carries over. The kit's base keys (rest_api, bus, log_*, ...) come on top of these.
 */
import { type Static, Type } from 'typebox';

const PolicyConfig = Type.Object(
  {
    name: Type.Optional(Type.String()),
    description: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    acl: Type.Array(Type.String(), { default: [] }),
    shared: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const AuthConfigSchema = Type.Object({
  default_token_lifetime: Type.Integer({
    minimum: 1,
    default: 7200,
    description: 'Token lifetime, seconds.',
  }),
  token_cleanup_interval: Type.Number({
    minimum: 0,
    default: 60,
    description: 'Seconds between purges of expired tokens (0: never).',
  }),
  max_user_concurrent_sessions: Type.Integer({
    minimum: 1,
    default: 100,
    description: 'Sessions a user may hold; more gives 429.',
  }),
  default_user_policy: Type.Union([Type.String(), Type.Null()], {
    default: null,
    description: 'Slug of a policy every user token gets.',
  }),
  default_policies: Type.Record(Type.String(), Type.Union([PolicyConfig, Type.Null()]), {
    default: {},
    description:
      'Policies kept in the master tenant from the config (slug → {acl, description, shared}); read-only.',
  }),
  all_users_policies: Type.Record(Type.String(), Type.Boolean(), {
    default: {},
    description: "Slugs of policies given to every tenant's all-users group.",
  }),
  tenant_default_groups: Type.Record(Type.String(), Type.Unknown(), {
    default: {},
    description: 'Groups created in every tenant (slug → {name, policies}).',
  }),
  update_policy_on_startup: Type.Boolean({ default: true }),
  bootstrap_user_on_startup: Type.Boolean({
    default: false,
    description: 'Create the initial admin at start.',
  }),
  bootstrap_user_username: Type.Union([Type.String(), Type.Null()], { default: null }),
  bootstrap_user_password: Type.Union([Type.String(), Type.Null()], { default: null }),
  bootstrap_user_policy_slug: Type.String({ default: 'wazo_default_master_user_policy' }),
  db_upgrade_on_startup: Type.Boolean({ default: true, description: 'Apply pending migrations at start.' }),
  password_hash_iterations: Type.Integer({
    minimum: 1000,
    default: 250000,
    description: 'PBKDF2 iterations for new hashes.',
  }),
  login_failures: Type.Object(
    {
      max_per_pair: Type.Integer({
        minimum: 1,
        default: 10,
        description: 'Failures of one login from one address in the window before 429 (slowed from half).',
      }),
      max_per_login: Type.Integer({
        minimum: 1,
        default: 30,
        description:
          'Failures of one login from all addresses in the window before 429 from addresses it has not logged in from recently.',
      }),
      max_per_address: Type.Integer({
        minimum: 1,
        default: 50,
        description:
          'Failures from one address in the window before logins not known there are slowed (never refused).',
      }),
      window_seconds: Type.Integer({
        minimum: 1,
        default: 300,
        description: 'Seconds a failure counts, from the first failure of a login, pair or address.',
      }),
      known_address_seconds: Type.Integer({
        minimum: 0,
        default: 2592000,
        description: 'Seconds an address stays known to a login after a success there (0: never known).',
      }),
    },
    {
      additionalProperties: false,
      default: {},
      description: 'Login throttling (docs/security.md "Login throttling and lockout").',
    },
  ),
  service_accounts: Type.Record(
    Type.String(),
    Type.Object(
      { acl: Type.Array(Type.String()), key_file: Type.Optional(Type.String()) },
      { additionalProperties: false },
    ),
    { default: {}, description: 'Service accounts the bootstrap creates (name → ACL and key file path).' },
  ),
});

export type AuthOwnConfig = Static<typeof AuthConfigSchema>;
