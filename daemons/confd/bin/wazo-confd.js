#!/usr/bin/env node
// wazo-confd [-c /etc/wazo-confd/config.yml] [-d] [-l LEVEL] [-u USER]
import { launch } from '@wazo-ts/launcher';

await launch(import.meta.url, 'main');
