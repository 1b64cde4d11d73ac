/** The rooms plugin (Wazo's `rooms`): the service on the daemon's unit of work, and its routes. */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import type { ChatdConfig } from '../definition.js';
import type { ChatdResources } from '../resources.js';
import { registerRoomsRoutes } from './rooms.routes.js';
import { createRoomsService } from './rooms.service.js';

/** Stands for this platform when no `uuid` is configured (wazo_uuid columns are NOT NULL). */
export const NO_WAZO_UUID = '00000000-0000-0000-0000-000000000000';

export const roomsPlugin: DaemonPlugin<ChatdConfig, ChatdResources> = {
  name: 'rooms',
  load({ api, config, resources }) {
    const service = createRoomsService({ uow: resources.uow, wazoUuid: config.uuid ?? NO_WAZO_UUID });
    registerRoomsRoutes(api, service, config.rooms.message_max_length);
  },
};
