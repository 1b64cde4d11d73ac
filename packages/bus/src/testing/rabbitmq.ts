/**
 * Cutting a client's RabbitMQ connection from the broker's side (`rabbitmqctl close_connection`),
 * as a broker restart or an operator would, so tests exercise the client's real reconnect path.
 * Only the named connection is closed: other test files share the broker.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Pids of the broker's connections whose client called itself `connectionName`. */
async function connectionPids(connectionName: string): Promise<string[]> {
  const { stdout } = await run('rabbitmqctl', ['list_connections', '-q', 'pid', 'client_properties']);
  return stdout
    .split('\n')
    .filter((line) => line.includes(`"${connectionName}"`) || line.includes(`<<"${connectionName}">>`))
    .map((line) => line.split('\t')[0] ?? '')
    .filter((pid) => pid.startsWith('<'));
}

/** Closes every broker connection named `connectionName`; returns how many were closed. */
export async function closeAmqpConnection(connectionName: string): Promise<number> {
  const pids = await connectionPids(connectionName);
  await Promise.all(pids.map((pid) => run('rabbitmqctl', ['close_connection', pid, 'wazo-ts test cut'])));
  return pids.length;
}
