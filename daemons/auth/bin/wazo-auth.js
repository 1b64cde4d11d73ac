#!/usr/bin/env node
// wazo-auth [-c /etc/wazo-auth/config.yml] [-d] [-l LEVEL] [-u USER] [--db-upgrade-on-startup]
import { launch } from '@wazo-ts/launcher';

await launch(import.meta.url, 'main');
