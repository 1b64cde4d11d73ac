/**
 * The wizard (`/wizard`, no token, as Wazo's): the first configuration of a new Wazo. A wazo-ts
 * platform is configured when it is installed (its master tenant, its administrator), so the
 * status says configured and, as Wazo answers once its wizard has passed, `POST /wizard` and
 * `GET /wizard/discover` are refused with 403 `Wazo is already configured`.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { Type } from '@wazo-ts/daemon/schema';
import { ForbiddenError } from '@wazo-ts/errors';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';

const tags = ['wizard'];

/** Wazo's wizard status; wazo-ts has no provisioning server (wazo-provd) to report ready. */
export const wizardStatusSchema = Type.Object({
  configured: Type.Boolean(),
  configurable: Type.Boolean(),
  configurable_status: Type.Record(Type.String(), Type.String()),
});

export const WIZARD_STATUS = {
  configured: true,
  configurable: false,
  configurable_status: { 'wazo-auth': 'ok', 'wazo-provd': 'fail' },
};

/** What Wazo answers a passed wizard (documented; never sent here: the wizard is passed). */
const wizardSchema = Type.Object({
  xivo_uuid: Type.String(),
  admin_username: Type.String(),
  license: Type.Boolean(),
  language: Type.String(),
  timezone: Type.String(),
  network: Type.Object({
    hostname: Type.String(),
    domain: Type.String(),
    ip_address: Type.String(),
    interface: Type.String(),
    netmask: Type.String(),
    gateway: Type.String(),
    nameservers: Type.Array(Type.String()),
  }),
  steps: Type.Record(Type.String(), Type.Boolean()),
});

/** What Wazo's discovery answers before its wizard is passed (documented; refused here). */
const discoverSchema = Type.Object({
  hostname: Type.String(),
  domain: Type.String(),
  timezone: Type.String(),
  nameservers: Type.Array(Type.String()),
  interfaces: Type.Array(
    Type.Object({ ip_address: Type.String(), interface: Type.String(), netmask: Type.String() }),
  ),
  gateways: Type.Array(Type.Object({ gateway: Type.String(), interface: Type.String() })),
});

/** Wazo's refusal once configured: `["Wazo is already configured"]`. */
const refusal = Type.Array(Type.String());

const alreadyConfigured = () => new ForbiddenError('Wazo is already configured', { errorId: 'configured' });

export const wizardPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'wizard',
  load({ api }) {
    api.get(
      '/wizard',
      {
        config: { public: true },
        schema: { summary: 'Get wizard status', tags, response: { 200: wizardStatusSchema } },
      },
      async () => structuredClone(WIZARD_STATUS),
    );

    // Refused before its body is read, as Wazo's `wazo_unconfigured` check comes first.
    api.post(
      '/wizard',
      {
        config: { public: true },
        schema: {
          summary: 'Pass the wizard (refused: configured)',
          tags,
          response: { 201: wizardSchema, 403: refusal },
        },
      },
      async () => {
        throw alreadyConfigured();
      },
    );

    api.get(
      '/wizard/discover',
      {
        config: { public: true },
        schema: {
          summary: 'Get wizard discover (refused: configured)',
          tags,
          response: { 200: discoverSchema, 403: refusal },
        },
      },
      async () => {
        throw alreadyConfigured();
      },
    );
  },
};
