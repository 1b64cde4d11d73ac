/**
 * The gateway refuses request bodies over the daemons' limit itself, always with 413 in Wazo's
 * error shape. When the daemon refused instead, it stopped reading while the gateway was still
 * sending, and the client got a 502 or a reset about half the time. A declared Content-Length
 * over the limit is refused before any byte of the body is read (before `100 Continue` when the
 * client asks for it); a chunked body is counted as it streams and cut at the limit, the daemon's
 * request aborted. After a 413 the rest of the body is read and dropped for a short while, so the
 * client reads the answer instead of a reset; past that the connection is cut.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform } from 'node:stream';
import { errorBody } from './answers.js';

/** The daemons' own default (`rest_api.max_body_size`). */
export const DEFAULT_MAX_BODY_SIZE = 1_048_576;
// How long and how much of a refused body is read and dropped before the connection is cut.
const LINGER_MS = 2_000;
const LINGER_BYTES = 8 * 1_048_576;

export function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > limit;
}

// The daemons' own words for it (the kit's 413), so the answer is the same whoever refuses.
const tooLargeBody = (limit: number) =>
  errorBody('Request body is too large', 'invalid-data', { max_body_size: limit });

/** Answers 413, then drops what the client still sends, within bounds, before closing. */
export function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit: number): void {
  if (!res.headersSent) {
    res.writeHead(413, { 'content-type': 'application/json' });
    res.end(JSON.stringify(tooLargeBody(limit)));
  }
  const socket = req.socket;
  let dropped = 0;
  const cut = () => socket.destroy();
  const timer = setTimeout(cut, LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) cut();
  });
  // All of it read: the connection is in step again and may carry the next request.
  req.once('end', () => clearTimeout(timer));
  req.resume();
}

/**
 * The body on its way to the daemon, counted: past `limit` bytes, `overflow` is called once and
 * nothing more is passed on.
 */
export function countedBody(limit: number, overflow: () => void): Transform {
  let seen = 0;
  let over = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (over) return done();
      seen += chunk.length;
      if (seen <= limit) return done(null, chunk);
      over = true;
      overflow();
      done();
    },
  });
}
