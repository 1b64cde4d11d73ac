/**
 * wazo-websocketd's own configuration keys, with Wazo's names and defaults where Wazo has them.
 * The kit's base keys (rest_api, auth, bus, log_*, ...) come on top.
 */
import { type Static, Type } from 'typebox';

export const WebsocketdConfigSchema = Type.Object({});

export type WebsocketdOwnConfig = Static<typeof WebsocketdConfigSchema>;
