/**
 * A websocket upgrade written by hand on a TCP socket, for request targets a WHATWG-URL client
 * would normalise away (`/\`, `//`): returns the status line and the server's first frames, up to
 * a close frame or the first text frame (or only a close frame, with `untilClose`). `deafClient`
 * upgrades and then never answers anything, not even a close frame.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface RawFrame {
  opcode: number;
  payload: Buffer;
}

export interface RawOutcome {
  status: string;
  frames: RawFrame[];
  /** Close code of the close frame, when the server sent one. */
  closeCode: number | null;
}

function readFrames(data: Buffer): RawFrame[] {
  const frames: RawFrame[] = [];
  let at = 0;
  while (at + 2 <= data.length) {
    let length = data[at + 1]! & 0x7f;
    let start = at + 2;
    if (length === 126) {
      if (start + 2 > data.length) break;
      length = data.readUInt16BE(start);
      start += 2;
    }
    if (start + length > data.length) break;
    frames.push({ opcode: data[at]! & 0x0f, payload: data.subarray(start, start + length) });
    at = start + length;
  }
  return frames;
}

function outcomeOf(received: Buffer, untilClose: boolean): RawOutcome | null {
  const end = received.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const status = received.subarray(0, received.indexOf('\r\n')).toString();
  const frames = readFrames(received.subarray(end + 4));
  const close = frames.find((f) => f.opcode === 0x8);
  const closeCode = close && close.payload.length >= 2 ? close.payload.readUInt16BE(0) : null;
  if (!status.includes(' 101 ') || close || (!untilClose && frames.some((f) => f.opcode === 0x1)))
    return { status, frames, closeCode };
  return null;
}

export interface RawUpgradeOptions {
  headers?: Record<string, string>;
  /** Waits for the close frame even after text frames. */
  untilClose?: boolean;
}

function upgradeRequest(port: number, target: string, headers: Record<string, string> = {}): string {
  const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return (
    `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n${extra.join('')}\r\n`
  );
}

/** Resolves with the socket once the server sent its init; the socket then ignores everything. */
export function deafClient(port: number, target: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    socket.write(upgradeRequest(port, target));
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (outcomeOf(received, false)?.frames.some((f) => f.opcode === 0x1)) resolve(socket);
    });
  });
}

export function rawUpgrade(port: number, target: string, options: RawUpgradeOptions = {}) {
  const untilClose = options.untilClose ?? false;
  return new Promise<RawOutcome>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    socket.write(upgradeRequest(port, target, options.headers));
    const timer = setTimeout(() => finish(new Error(`no answer; got ${received.toString()}`)), 10_000);
    const finish = (error: Error | null, outcome?: RawOutcome) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(outcome!);
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const outcome = outcomeOf(received, untilClose);
      if (outcome) finish(null, outcome);
    });
    socket.on('error', (error) => finish(error));
    socket.on('end', () =>
      finish(
        null,
        outcomeOf(received, untilClose) ?? { status: received.toString(), frames: [], closeCode: null },
      ),
    );
  });
}
