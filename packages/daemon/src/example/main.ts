#!/usr/bin/env node
import { runDaemonMain } from '../lifecycle/main.js';
import { helloDaemon } from './definition.js';

await runDaemonMain(helloDaemon);
