#!/usr/bin/env node
import { runDaemonMain } from '@wazo-ts/daemon';
import { chatdDaemon } from './definition.js';

await runDaemonMain(chatdDaemon);
