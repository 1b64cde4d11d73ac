// Public surface of @wazo-ts/cli: the command line as a function, for embedding and tests.
export type { Io } from './commands/runtime.js';
export { CliError, EXIT_ERROR, EXIT_OK, EXIT_USAGE } from './core/errors.js';
export { buildProgram, runCli } from './program.js';
