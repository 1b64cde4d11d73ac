/**
 * Runs Wazo's own JS client, @wazo/sdk 0.44.7 unpatched, as a softphone follows events: its
 * WebSocketClient opens `wss://$SDK_SERVER/api/websocketd/?token=…&version=2` (a TLS gateway the
 * parent trusts through NODE_EXTRA_CA_CERTS), subscribes to $SDK_EVENTS and starts. Node 20 has
 * no global WebSocket, so `ws` stands in for the browser's. Prints one JSON line per milestone:
 * `{"initialized":true}`, then `{"event":<payload>}` for the first $SDK_WAIT_FOR event.
 */
import { createRequire } from 'node:module';
import { WebSocket } from 'ws';

interface SdkWebSocketClient {
  on(event: string, listener: (payload: unknown) => void): void;
  connect(): void;
  close(force?: boolean): void;
}
type ClientClass = new (args: {
  host: string;
  token: string;
  version: number;
  events: string[];
}) => SdkWebSocketClient;

(globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
const { WebSocketClient } = createRequire(import.meta.url)('@wazo/sdk') as { WebSocketClient: ClientClass };
const say = (line: unknown) => process.stdout.write(`${JSON.stringify(line)}\n`);

const client = new WebSocketClient({
  host: process.env.SDK_SERVER!,
  token: process.env.SDK_TOKEN!,
  version: 2,
  events: (process.env.SDK_EVENTS ?? '*').split(','),
});
client.on('initialized', () => say({ initialized: true }));
client.on('onclose', (event) => say({ closed: (event as { code?: number }).code ?? null }));
client.on(process.env.SDK_WAIT_FOR!, (payload) => {
  say({ event: payload });
  client.close(true);
  // The SDK's timers would hold the process open: leave once written.
  process.stdout.write('', () => process.exit(0));
});
client.connect();
