#!/usr/bin/env node
// wazo-chatd [-c /etc/wazo-chatd/config.yml] [-d] [-l LEVEL] [-u USER]
import { launch } from '@wazo-ts/launcher';

await launch(import.meta.url, 'main');
