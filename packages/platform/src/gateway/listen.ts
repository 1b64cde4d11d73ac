/** Binding a port, with the one-line reason a user can act on when it fails. */
import { createServer, type Server } from 'node:net';

export class PortInUseError extends Error {
  constructor(
    readonly what: string,
    readonly address: string,
    readonly port: number,
    cause: string,
  ) {
    super(`${what}: cannot listen on ${address}:${port}: ${cause}`);
    this.name = 'PortInUseError';
  }
}

function reasonOf(error: NodeJS.ErrnoException, port: number): string {
  if (error.code === 'EADDRINUSE') return 'the port is already in use by another program';
  if (error.code === 'EACCES') return `permission denied (ports below 1024 need root; ${port} was asked)`;
  if (error.code === 'EADDRNOTAVAIL') return 'no such address on this machine';
  return error.message;
}

export function listenOn(server: Server, port: number, address: string, what = 'gateway'): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(new PortInUseError(what, address, port, reasonOf(error, port)));
    server.once('error', onError);
    server.listen(port, address, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** Fails with a PortInUseError when `port` cannot be bound now (checked before slow steps run). */
export async function checkPortFree(port: number, address: string, what: string): Promise<void> {
  const probe = createServer();
  await listenOn(probe, port, address, what);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}
