#!/usr/bin/env node
import { runDaemonMain } from '@wazo-ts/daemon';
import { authDaemon } from './definition.js';

await runDaemonMain(authDaemon);
