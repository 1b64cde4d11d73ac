#!/usr/bin/env node
// wazo-dird [-c /etc/wazo-dird/config.yml] [-d] [-l LEVEL] [-u USER]
import { launch } from '@wazo-ts/launcher';

await launch(import.meta.url, 'main');
