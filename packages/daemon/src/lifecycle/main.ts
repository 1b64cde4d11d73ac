/**
 * The entry point of a daemon process: runs the lifecycle and turns start-up failures into a
 * clear message on stderr and a non-zero exit, naming the file, line and key for config errors.
 * A command-line mistake (an unknown option, a bad value after a flag) is a usage error: exit 2
 * with a hint, as `wazo` and most Unix commands do; anything else that stops the start exits 1.
 */
import { parseCommandLine } from '../config/index.js';
import type { BaseConfig } from '../config/schema.js';
import type { DaemonDefinition } from '../definition.js';
import { type RunOptions, runDaemon } from './run.js';

export async function runDaemonMain<TConfig extends BaseConfig, TResources extends object>(
  definition: DaemonDefinition<TConfig, TResources>,
  options: RunOptions = {},
): Promise<void> {
  const command = `wazo-${definition.name}`;
  let commandLine: ReturnType<typeof parseCommandLine>;
  try {
    commandLine = parseCommandLine(definition, options.argv ?? process.argv.slice(2));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`${command}: ${message}\nTry '${command} --help' for the options.\n`);
    process.exitCode = 2;
    return;
  }
  try {
    if (commandLine.show) {
      process.stdout.write(`${commandLine.show.text.trimEnd()}\n`);
      return;
    }
    await runDaemon(definition, { ...options, commandLine });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`${command}: cannot start: ${message}\n`);
    process.exitCode = 1;
    // Timers or sockets opened before the failure must not keep a failed daemon alive.
    setTimeout(() => process.exit(1), 100).unref();
  }
}
