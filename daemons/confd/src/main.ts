#!/usr/bin/env node
import { runDaemonMain } from '@wazo-ts/daemon';
import { confdDaemon } from './definition.js';

await runDaemonMain(confdDaemon);
