/**
 * HTTP Basic credentials as wazo-auth reads them: base64, decoded as UTF-8 or, when that fails,
 * latin-1 (older clients send latin-1 passwords); the login ends at the first colon. A missing or
 * empty login or password means "no credentials".
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

export interface BasicCredentials {
  login: string;
  password: string;
}

export function parseBasicAuth(header: string | undefined): BasicCredentials | null {
  if (!header?.startsWith('Basic ')) return null;
  const bytes = Buffer.from(header.slice('Basic '.length).trim(), 'base64');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = latin1.decode(bytes);
  }
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const login = text.slice(0, colon);
  const password = text.slice(colon + 1);
  return login && password ? { login, password } : null;
}
