/** The CLI's one error type: a message meant for the user and the exit code it ends with. */

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_ERROR,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Wrong or missing arguments: exit 2, like commander's own usage errors. */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT_USAGE);
}
