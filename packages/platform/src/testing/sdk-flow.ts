/**
 * The end-to-end flow of a Wazo softphone, for any stack behind a gateway (the all-in-one
 * platform, or separate daemon processes behind `startGateway`): an admin creates a user with its
 * login through confd and grants it `user_edited`, then unpatched @wazo/sdk 0.44.7, in a child
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

/** Runs the whole flow with a fresh user (`username` must be new to the stack). */
export async function runSdkFlow(target: SdkFlowTarget, username: string): Promise<SdkFlowResult> {
  const password = 'sdk-flow-secret-1';
  const admin = await adminToken(target.gateway, target.certificate, target.admin);
  const call = (method: string, path: string, body?: unknown) =>
    gatewayCall(target.gateway, target.certificate, method, path, { token: admin.token, body });
  const context = await call('POST', '/api/confd/1.1/contexts', { label: `${username} phones` });
  expectStatus('create a context', context, 201);
  // A softphone line: SIP credentials, and WebRTC from a template, as Wazo's webrtc template gives it.
  const template = await call('POST', '/api/confd/1.1/endpoints/sip/templates', {
    label: `${username} webrtc`,
    endpoint_section_options: [['webrtc', 'yes']],
  });
  expectStatus('create a webrtc template', template, 201);
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
          templates: [{ uuid: (template.body as { uuid: string }).uuid }],
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
