/**
 * Runs Wazo's own JS client, @wazo/sdk 0.44.7, unpatched, against `https://$SDK_SERVER/api/...`
 * (a TLS gateway in front of wazo-auth and wazo-confd, its certificate trusted through
 * NODE_EXTRA_CA_CERTS): log in, then read the current user and the stack's infos as a softphone
 * does at start. The outcome goes to stdout as one JSON line for the parent test.
 */
import { createRequire } from 'node:module';

interface SdkSession {
  token: string;
  uuid: string | null;
}
interface SdkClient {
  auth: { logIn(params: { username: string; password: string; expiration?: number }): Promise<SdkSession> };
  confd: {
    getUser(uuid: string): Promise<unknown>;
    getInfos(): Promise<{ wazo_version: string; uuid: string }>;
  };
  setToken(token: string): void;
}
type ClientClass = new (options: { server: string }) => SdkClient;

const { WazoApiClient } = createRequire(import.meta.url)('@wazo/sdk') as { WazoApiClient: ClientClass };

async function scenario() {
  const client = new WazoApiClient({ server: process.env.SDK_SERVER! });
  const session = await client.auth.logIn({
    username: process.env.SDK_USERNAME!,
    password: process.env.SDK_PASSWORD!,
    expiration: 600,
  });
  client.setToken(session.token);
  const [profile, infos] = await Promise.all([client.confd.getUser(session.uuid!), client.confd.getInfos()]);
  return { session: { uuid: session.uuid }, profile, infos };
}

let result: unknown;
try {
  result = { value: await scenario() };
} catch (error) {
  result = {
    error: String((error as Error).message ?? error),
    status: (error as { status?: number }).status,
  };
}
// The SDK's keep-alive sockets and timers would hold the process open: leave once written.
process.stdout.write(`${JSON.stringify({ sdk: result })}\n`, () => process.exit(0));
