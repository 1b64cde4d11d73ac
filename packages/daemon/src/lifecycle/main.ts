/**
 * The entry point of a daemon process: runs the lifecycle and turns start-up failures into a
 * clear message on stderr and a non-zero exit, naming the file, line and key for config errors.
 */
import { parseCommandLine } from '../config/index.js';
import type { BaseConfig } from '../config/schema.js';
import type { DaemonDefinition } from '../definition.js';
import { type RunOptions, runDaemon } from './run.js';

export async function runDaemonMain<TConfig extends BaseConfig, TResources extends object>(
  definition: DaemonDefinition<TConfig, TResources>,
  options: RunOptions = {},
): Promise<void> {
  try {
    const commandLine = parseCommandLine(definition, options.argv ?? process.argv.slice(2));
    if (commandLine.show) {
      process.stdout.write(`${commandLine.show.text.trimEnd()}\n`);
      return;
    }
    await runDaemon(definition, { ...options, commandLine });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`wazo-${definition.name}: cannot start: ${message}\n`);
    process.exitCode = 1;
    // Timers or sockets opened before the failure must not keep a failed daemon alive.
    setTimeout(() => process.exit(1), 100).unref();
  }
}
