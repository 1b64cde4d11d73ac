/** wazo-dird's events: a user's favorite contacts (wazo-bus resources/directory/event.py). */
import { defineEvent } from './define.js';

export interface FavoritePayload {
  xivo_uuid: string;
  user_uuid: string;
  /** The source's name, as Wazo's clients address favorites. */
  source: string;
  source_entry_id: string;
}

export const favoriteAdded = defineEvent<FavoritePayload>()({
  name: 'favorite_added',
  routingKey: 'directory.{user_uuid}.favorite.created',
  scope: 'user',
  service: 'dird',
});

export const favoriteDeleted = defineEvent<FavoritePayload>()({
  name: 'favorite_deleted',
  routingKey: 'directory.{user_uuid}.favorite.deleted',
  scope: 'user',
  service: 'dird',
});
