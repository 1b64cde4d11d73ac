/** What the gateway answers itself, in Wazo's error shape (`message`, `error_id`, `details`, `timestamp`). */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export const errorBody = (message: string, errorId: string, details: Record<string, unknown>) => ({
  message,
  error_id: errorId,
  details,
  timestamp: Date.now() / 1000,
});

export function rejectUpgrade(socket: Socket, status: number, reason: string, body: unknown): void {
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
  );
}
