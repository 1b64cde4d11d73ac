/**
 * Wazo's JS client, @wazo/sdk 0.44.7 unpatched, as an app starts: log in through the TLS gateway
 * ($SDK_SERVER, trusted by the parent through NODE_EXTRA_CA_CERTS), then read its own presence
 * with the SDK's chatd module. Prints one JSON line `{login, presence}` (or `{error}`); the session
 * stays open (the token is not revoked).
 */
import { createRequire } from 'node:module';

interface SdkClient {
  auth: { logIn(p: { username: string; password: string; expiration?: number }): Promise<SdkSession> };
  chatd: { getContactStatusInfo(uuid: string): Promise<Record<string, unknown>> };
  setToken(token: string): void;
}
interface SdkSession {
  token: string;
  uuid: string | null;
  sessionUuid?: string;
}
const sdk = createRequire(import.meta.url)('@wazo/sdk') as {
  WazoApiClient: new (o: { server: string }) => SdkClient;
};

async function scenario() {
  const client = new sdk.WazoApiClient({ server: process.env.SDK_SERVER! });
  const login = await client.auth.logIn({
    username: process.env.SDK_USERNAME!,
    password: process.env.SDK_PASSWORD!,
    expiration: 600,
  });
  client.setToken(login.token);
  const presence = await client.chatd.getContactStatusInfo(login.uuid!);
  return { login: { token: login.token, uuid: login.uuid }, presence };
}

let result: unknown;
try {
  result = await scenario();
} catch (error) {
  result = { error: String((error as Error).stack ?? error) };
}
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
