#!/usr/bin/env node
// The `wazo` command (see bin/wazo.js).
import { runCli } from './program.js';

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
process.exitCode = code;
