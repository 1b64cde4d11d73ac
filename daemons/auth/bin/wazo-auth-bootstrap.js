#!/usr/bin/env node
// wazo-auth-bootstrap [-c /etc/wazo-auth/config.yml] initial-user|service-accounts|complete [options]
import { launch } from '@wazo-ts/launcher';

await launch(import.meta.url, 'bootstrap/cli');
