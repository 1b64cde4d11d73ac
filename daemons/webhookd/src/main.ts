#!/usr/bin/env node
import { runDaemonMain } from '@wazo-ts/daemon';
import { webhookdDaemon } from './definition.js';

await runDaemonMain(webhookdDaemon);
