/**
 * The end-to-end flow of a Wazo softphone, for any stack behind a gateway (the all-in-one
 * platform, or separate daemon processes behind `startGateway`): an admin creates a user with its
 * login and a line on the tenant's default webrtc template through confd and grants it `user_edited`, then unpatched @wazo/sdk 0.44.7, in a child
 * process trusting the gateway's certificate, logs in, authenticates, reads its user from confd,
 * opens the websocket and receives the `user_edited` event an admin's change causes.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { adminToken, gatewayCall } from './gateway-client.js';

export interface SdkFlowResult {
  tenantUuid: string;
  userUuid: string;
  login: { uuid: string; tenantUuid: string };
  authenticated: { uuid: string; sameToken: boolean };
  user: { uuid: string; firstName: string; lastName: string };
  editStatus: number;
  event: { name: string; data: { uuid: string; tenant_uuid: string } };
  /** The profile's SIP lines as the SDK builds them from the merged endpoint view. */
  sipLines: { username: string; secret: string; webrtc: boolean }[];
}

export interface SdkFlowTarget {
  /** `https://127.0.0.1:<port>`: the gateway. */
  gateway: string;
  /** `127.0.0.1:<port>`: the SDK's `server`. */
  server: string;
  /** PEM file the client trusts for the gateway. */
  certificate: string;
  admin: { username: string; password: string };
}

const scenario = fileURLToPath(new URL('./sdk-scenario.ts', import.meta.url));

async function runScenario(target: SdkFlowTarget, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', scenario], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: target.certificate, SDK_SERVER: target.server, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const [code] = await once(child, 'exit');
  clearTimeout(killer);
  const line = stdout.split('\n').find((l) => l.startsWith('{"result"'));
  if (code !== 0 || !line) throw new Error(`sdk scenario exited ${code}:\n${stdout}\n${stderr}`);
  const { result } = JSON.parse(line) as {
    result: { value?: Omit<SdkFlowResult, 'tenantUuid' | 'userUuid'>; error?: string };
  };
  if (!result.value) throw new Error(`sdk scenario failed: ${result.error}`);
  return result.value;
}

function expectStatus(what: string, answer: { status: number; body: unknown }, status: number): void {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

type AdminCall = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;

/**
 * The uuid of the tenant's `webrtc` template, made by confd's tenant sync when it heard of the
 * tenant. The sync runs as confd gets its service token, in the background of its start: asked
 * until the tenant shows its templates (no event announces them, as in Wazo), 30 s at most.
 */
async function tenantWebrtcTemplate(call: AdminCall, tenantUuid: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const tenant = await call('GET', `/api/confd/1.1/tenants/${tenantUuid}`);
    expectStatus('read the tenant', tenant, 200);
    const view = tenant.body as { sip_templates_generated: boolean; webrtc_sip_template_uuid: string | null };
    if (view.sip_templates_generated) {
      if (!view.webrtc_sip_template_uuid) throw new Error('the tenant has no webrtc template');
      return view.webrtc_sip_template_uuid;
    }
    if (Date.now() > deadline) throw new Error(`no SIP templates for tenant ${tenantUuid} after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs the whole flow with a fresh user (`username` must be new to the stack). */
export async function runSdkFlow(target: SdkFlowTarget, username: string): Promise<SdkFlowResult> {
  const password = 'sdk-flow-secret-1';
  const admin = await adminToken(target.gateway, target.certificate, target.admin);
  const call = (method: string, path: string, body?: unknown) =>
    gatewayCall(target.gateway, target.certificate, method, path, { token: admin.token, body });
  const context = await call('POST', '/api/confd/1.1/contexts', { label: `${username} phones` });
  expectStatus('create a context', context, 201);
  // A softphone line: SIP credentials, and WebRTC from the tenant's default webrtc template.
  const webrtcTemplate = await tenantWebrtcTemplate(call, admin.metadata.tenant_uuid);
  const created = await call('POST', '/api/confd/1.1/users', {
    firstname: 'Alice',
    lastname: 'Softphone',
    auth: { username, password },
    lines: [
      {
        context: (context.body as { name: string }).name,
        endpoint_sip: {
          auth_section_options: [
            ['username', `${username}-sip`],
            ['password', 'sip-secret'],
          ],
          templates: [{ uuid: webrtcTemplate }],
        },
      },
    ],
  });
  expectStatus('create the user through confd', created, 201);
  const userUuid = (created.body as { uuid: string }).uuid;
  // user_edited is a tenant config event (events.config.user.edited): an admin grants it.
  const policy = await call('POST', '/api/auth/0.1/policies', {
    name: `${username}-events`,
    acl: ['events.config.user.edited'],
  });
  expectStatus('create the events policy', policy, 200);
  const policyUuid = (policy.body as { uuid: string }).uuid;
  expectStatus('grant it', await call('PUT', `/api/auth/0.1/users/${userUuid}/policies/${policyUuid}`), 204);
  const value = await runScenario(target, {
    SDK_USERNAME: username,
    SDK_PASSWORD: password,
    ADMIN_TOKEN: admin.token,
  });
  return { tenantUuid: admin.metadata.tenant_uuid, userUuid, ...value };
}
