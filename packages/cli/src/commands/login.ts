/**
 * `wazo login` and `wazo logout`. Login asks wazo-auth for an offline token (so a refresh token
 * comes with it) under this machine's client_id and saves both with where the services are;
 * logout deletes the refresh token, revokes the token and forgets them.
 */
import { Command } from 'commander';
import { CliError, usageError } from '../core/errors.js';
import { ask, readSecretFromStdin } from '../core/prompt.js';
import { openSession } from '../core/session.js';
import { forgetToken, loadSession, saveSession } from '../core/store.js';
import { resolveTargets } from '../core/targets.js';
import { createToken, defaultClientId, revokeToken } from '../core/tokens.js';
import { type Io, parseInteger, runtimeOf } from './runtime.js';

interface LoginOptions {
  username?: string;
  password?: string;
  passwordStdin?: boolean;
  expiration: number;
}

async function passwordOf(io: Io, options: LoginOptions): Promise<string> {
  if (options.passwordStdin) {
    if (options.password !== undefined) throw usageError('--password and --password-stdin: pick one');
    return readSecretFromStdin(io.stdin, '--password-stdin');
  }
  return (
    options.password ??
    (io.env.WAZO_PASSWORD || undefined) ??
    (await ask(io.stdin, io.stderr, 'Password: ', true))
  );
}

async function credentials(io: Io, options: LoginOptions) {
  const username =
    options.username ??
    (io.env.WAZO_USERNAME || undefined) ??
    (io.stdin.isTTY ? await ask(io.stdin, io.stderr, 'Username: ') : undefined);
  if (!username) throw usageError('no username: pass --username (or set WAZO_USERNAME)');
  return { username, password: await passwordOf(io, options) };
}

export function loginCommand(io: Io): Command {
  return new Command('login')
    .description('log in to wazo-auth and keep the token (renewed with a refresh token)')
    .option('--username <login>', 'login (prompted when missing)')
    .option('--password-stdin', 'read the password from standard input (all of it, less the final newline)')
    .option(
      '--password <password>',
      'password (visible in `ps` and shell history: prefer the prompt or --password-stdin)',
    )
    .option('--expiration <seconds>', 'token lifetime', parseInteger('--expiration'), 3600)
    .action(async (options: LoginOptions, command: Command) => {
      const rt = runtimeOf(io, command);
      const saved = await loadSession(io.env);
      const targets = resolveTargets(rt.flags, io.env, saved);
      const { username, password } = await credentials(io, options);
      const clientId = saved?.client_id ?? defaultClientId();
      const token = await createToken({
        authUrl: targets.auth,
        tls: targets.tls,
        username,
        password,
        expiration: options.expiration,
        clientId,
      });
      const file = await saveSession(io.env, {
        auth_url: targets.auth,
        confd_url: targets.confd,
        websocketd_url: targets.websocketd,
        dird_url: targets.dird,
        ca_cert: targets.tls.caCert,
        insecure: targets.tls.insecure || undefined,
        username,
        token: token.token,
        expires_at: token.expires_at,
        refresh_token: token.refresh_token ?? undefined,
        client_id: clientId,
        tenant_uuid: token.tenant_uuid,
      });
      if (rt.output.format === 'json')
        io.stdout.write(
          `${JSON.stringify({ username, auth_url: targets.auth, expires_at: token.expires_at, file })}\n`,
        );
      else io.stdout.write(`logged in as ${username} on ${targets.auth}; token saved in ${file}\n`);
    });
}

export function logoutCommand(io: Io): Command {
  return new Command('logout')
    .description('revoke the saved token and forget it')
    .action(async (_o, command: Command) => {
      const rt = runtimeOf(io, command);
      const saved = await loadSession(io.env);
      if (!saved?.token) {
        io.stderr.write('not logged in\n');
        return;
      }
      const session = await openSession(io.env, rt.flags);
      // Aimed at another server: its token is not ours to revoke, nor ours to send there.
      session.check('auth');
      try {
        // The refresh token first: once the access token is revoked it cannot authenticate this.
        if (saved.client_id && saved.refresh_token)
          await session
            .call('auth', 'DELETE', `/users/me/tokens/${encodeURIComponent(saved.client_id)}`)
            .catch((error: Error) =>
              io.stderr.write(`warning: the refresh token was not deleted: ${error.message}\n`),
            );
        await revokeToken(session.targets.auth, session.targets.tls, saved.token);
      } catch (error) {
        await forgetToken(io.env, saved);
        throw new CliError(`forgot the token locally, but could not revoke it: ${(error as Error).message}`);
      }
      await forgetToken(io.env, saved);
      if (rt.output.format === 'table') io.stdout.write(`logged out of ${session.targets.auth}\n`);
    });
}
