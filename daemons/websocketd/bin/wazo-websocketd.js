#!/usr/bin/env node
// wazo-websocketd [-c /etc/wazo-websocketd/config.yml] [-d] [-l LEVEL] [-u USER]
import { launch } from '@wazo-ts/launcher';

await launch(import.meta.url, 'main');
