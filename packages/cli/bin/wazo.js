#!/usr/bin/env node
// wazo [--server host:port | --auth-url ... --confd-url ...] <command>: see docs/cli.md
import { launch } from '@wazo-ts/launcher';

await launch(import.meta.url, 'main');
