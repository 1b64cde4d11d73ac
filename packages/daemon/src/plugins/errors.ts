import { WazoError } from '@wazo-ts/errors';

/** A plugin could not be imported, did not match the contract, or its `load` failed. */
export class PluginLoadError extends WazoError {
  readonly plugin: string;

  constructor(plugin: string, reason: string, cause?: unknown) {
    super('internal', `plugin "${plugin}" failed to load: ${reason}`, {
      errorId: 'plugin-load-failed',
      details: { plugin, reason },
      cause,
    });
    this.plugin = plugin;
  }
}

/** The message of anything thrown, for logs and the status document. */
export function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
