// Container health: HEAD $WAZO_STATUS_URL (a daemon's public status route) must answer 2xx.
// The daemon answers 503 while a component it needs (database, bus, service token) is failing.
// A self-signed certificate is accepted: the check talks to the daemon in its own container.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

const url = new URL(process.env.WAZO_STATUS_URL ?? 'http://127.0.0.1/');
const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
const req = send(url, { method: 'HEAD', timeout: 4000, rejectUnauthorized: false }, (res) => {
  res.resume();
  process.exit(res.statusCode >= 200 && res.statusCode < 300 ? 0 : 1);
});
req.on('timeout', () => req.destroy(new Error('timeout')));
req.on('error', () => process.exit(1));
req.end();
