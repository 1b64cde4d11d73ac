#!/usr/bin/env node
// wazo-webhookd [-c /etc/wazo-webhookd/config.yml] [-d] [-l LEVEL] [-u USER]
import { launch } from '@wazo-ts/launcher';

await launch(import.meta.url, 'main');
