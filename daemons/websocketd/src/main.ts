#!/usr/bin/env node
import { runDaemonMain } from '@wazo-ts/daemon';
import { websocketdDaemon } from './definition.js';

await runDaemonMain(websocketdDaemon);
