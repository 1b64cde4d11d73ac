#!/usr/bin/env node
// wazo-dao-migrate --db-uri postgresql://user@host:port/db [--status]
import { launch } from '@wazo-ts/launcher';

await launch(import.meta.url, 'cli/migrate');
