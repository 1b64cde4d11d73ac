/** Messages between the platform and its PostgreSQL keeper (JSON over the IPC channel). */
import type { EmbeddedStage } from '@wazo-ts/db';
import type { DatabaseOwner } from './databases.js';

export type KeeperRequest = { type: 'stop' };

export type KeeperReply =
  | { type: 'progress'; stage: EmbeddedStage }
  | { type: 'ready'; uris: Record<DatabaseOwner, string> }
  | { type: 'error'; message: string }
  | { type: 'stopped' };
