/**
 * Runs Wazo's own JS client, @wazo/sdk 0.44.7, unpatched, against `https://$SDK_SERVER/api/auth/`
 * (a TLS gateway in front of wazo-auth; the parent trusts its certificate through
 * NODE_EXTRA_CA_CERTS). Each step's outcome goes to stdout as one JSON object for the parent test.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

interface SdkSession {
  token: string;
  refreshToken: string | null;
  uuid: string | null;
  tenantUuid: string | null;
  sessionUuid: string;
  acl: string[];
  expiresAt: Date;
}
interface SdkAuth {
  logIn(params: { username: string; password: string; expiration?: number }): Promise<SdkSession>;
  checkToken(token: string): Promise<boolean>;
  authenticate(token: string): Promise<SdkSession>;
  logOut(token: string): Promise<unknown>;
  refreshToken(refreshToken: string, backend: string | null, expiration: number): Promise<SdkSession>;
}
type ClientClass = new (options: { server: string; clientId?: string }) => { auth: SdkAuth };

const { WazoApiClient } = createRequire(import.meta.url)('@wazo/sdk') as { WazoApiClient: ClientClass };
const server = process.env.SDK_SERVER!;
const username = process.env.SDK_USERNAME!;
const password = process.env.SDK_PASSWORD!;

async function outcome<T>(step: () => Promise<T>): Promise<{ value?: T; error?: string; status?: number }> {
  try {
    return { value: await step() };
  } catch (error) {
    const status = (error as { status?: number }).status;
    return { error: String((error as Error).message ?? error), ...(status ? { status } : {}) };
  }
}

function summary(session: SdkSession) {
  const { token, refreshToken, uuid, tenantUuid, sessionUuid, acl } = session;
  return {
    token,
    refreshToken,
    uuid,
    tenantUuid,
    sessionUuid,
    acl,
    expiresAt: session.expiresAt.toISOString(),
  };
}

async function online() {
  const { auth } = new WazoApiClient({ server });
  const login = await auth.logIn({ username, password, expiration: 600 });
  const checked = await auth.checkToken(login.token);
  const bogus = await auth.checkToken(randomUUID());
  const authenticated = summary(await auth.authenticate(login.token));
  const logout = await outcome(() => auth.logOut(login.token));
  const afterLogout = await auth.checkToken(login.token);
  const badPassword = await outcome(() => auth.logIn({ username, password: `${password}-wrong` }));
  return { login: summary(login), checked, bogus, authenticated, logout, afterLogout, badPassword };
}

async function offline() {
  const { auth } = new WazoApiClient({ server, clientId: 'wazo-sdk-test' });
  const login = await auth.logIn({ username, password, expiration: 600 });
  const refreshed = await outcome(async () =>
    summary(await auth.refreshToken(login.refreshToken!, null, 300)),
  );
  const refreshedChecked = refreshed.value ? await auth.checkToken(refreshed.value.token) : false;
  const wrongRefresh = await outcome(() => auth.refreshToken(randomUUID(), null, 300));
  return { login: summary(login), refreshed, refreshedChecked, wrongRefresh };
}

const result = { online: await outcome(online), offline: await outcome(offline) };
// The SDK's keep-alive sockets and timers would hold the process open: leave once written.
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
