#!/usr/bin/env node
import { runDaemonMain } from '@wazo-ts/daemon';
import { dirdDaemon } from './definition.js';

await runDaemonMain(dirdDaemon);
