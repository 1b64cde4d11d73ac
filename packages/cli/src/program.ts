/**
 * The `wazo` command line: global flags (where the services are, TLS trust, tenant, output) and
 * the commands. `runCli` never exits the process: it returns the exit code (0 ok, 1 error,
 * 2 usage) after printing one line per error on stderr.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { callfilterCommand } from './commands/callfilters.js';
import { chatCommand, presenceCommand } from './commands/chat.js';
import { deviceCommand } from './commands/devices.js';
import { directoryCommand } from './commands/directory.js';
import { endpointCommand, lineCommand } from './commands/endpoints.js';
import { eventsCommand } from './commands/events.js';
import { funckeyCommand } from './commands/funckeys.js';
import { groupCommand } from './commands/groups.js';
import { incallCommand } from './commands/incalls.js';
import { loginCommand, logoutCommand } from './commands/login.js';
import { agentCommand, queueCommand } from './commands/queues.js';
import type { Io } from './commands/runtime.js';
import { scheduleCommand } from './commands/schedules.js';
import { tenantCommand } from './commands/tenants.js';
import { outcallCommand, trunkCommand } from './commands/trunks.js';
import { userCommand } from './commands/users.js';
import { voicemailCommand } from './commands/voicemails.js';
import { webhookCommand } from './commands/webhooks.js';
import { CliError, EXIT_ERROR, EXIT_OK, EXIT_USAGE } from './core/errors.js';
import { terminalSafe } from './core/terminal.js';

/** The CLI package's version: its package.json is one folder above src/ and dist/ alike. */
function cliVersion(): string {
  const manifest = new URL('../package.json', import.meta.url);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

export function buildProgram(io: Io): Command {
  const program = new Command('wazo')
    .description('command-line client of a Wazo (or wazo-ts) stack')
    .version(cliVersion())
    .option('--server <host:port>', "the all-in-one gateway (https://host:port, Wazo's /api/... paths)")
    .option('--auth-url <url>', 'wazo-auth, e.g. http://10.0.0.1:9497 (distributed stack)')
    .option('--confd-url <url>', 'wazo-confd, e.g. http://10.0.0.2:9486')
    .option('--websocketd-url <url>', 'wazo-websocketd, e.g. ws://10.0.0.3:9502')
    .option('--webhookd-url <url>', 'wazo-webhookd, e.g. http://10.0.0.4:9300')
    .option('--dird-url <url>', 'wazo-dird, e.g. http://10.0.0.4:9489')
    .option('--chatd-url <url>', 'wazo-chatd, e.g. http://10.0.0.4:9304')
    .option('--ca-cert <file>', 'trust the certificate(s) in this PEM file')
    .option('--insecure', 'do not check TLS certificates')
    .option('--tenant <uuid>', 'act in this tenant (Wazo-Tenant header)')
    .option('--json', 'JSON output, for scripts (same as -o json)')
    .addOption(new Option('-o, --output <format>', 'table or json').choices(['table', 'json']))
    .showHelpAfterError('(run `wazo --help` for usage)');
  for (const command of [
    loginCommand(io),
    logoutCommand(io),
    tenantCommand(io),
    userCommand(io),
    groupCommand(io),
    scheduleCommand(io),
    funckeyCommand(io),
    voicemailCommand(io),
    deviceCommand(io),
    eventsCommand(io),
    lineCommand(io),
    endpointCommand(io),
    callfilterCommand(io),
    incallCommand(io),
    agentCommand(io),
    queueCommand(io),
    trunkCommand(io),
    outcallCommand(io),
    webhookCommand(io),
    directoryCommand(io),
    presenceCommand(io),
    chatCommand(io),
  ])
    program.addCommand(command);
  configureEverywhere(program, io);
  return program;
}

/**
 * Commands added with addCommand do not inherit their parent's settings: each one throws
 * instead of exiting, and writes its usage and errors (which echo arguments) to io's streams.
 */
function configureEverywhere(command: Command, io: Io): void {
  command.exitOverride();
  command.configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
  });
  for (const sub of command.commands) configureEverywhere(sub, io);
}

/** The process's streams, as every command and error path writes to them: terminal-safe. */
function safeIo(io: Io): Io {
  return { ...io, stdout: terminalSafe(io.stdout), stderr: terminalSafe(io.stderr) };
}

export async function runCli(argv: string[], rawIo: Io): Promise<number> {
  const io = safeIo(rawIo);
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "fail" with exit code 0; commander already printed the usage error.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof CliError) {
      io.stderr.write(`wazo: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`wazo: unexpected error: ${(error as Error).message ?? String(error)}\n`);
    return EXIT_ERROR;
  }
}
