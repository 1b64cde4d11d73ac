/**
 * The association of a user with a line. A user's first line is its main line, a line's first
 * user its main user; when the main line goes, the user's oldest other line takes its place.
 */
import { type Static, Type } from '../schema.js';

export interface UserLine {
  user_id: number;
  user_uuid: string;
  line_id: number;
  main_user: boolean;
  main_line: boolean;
}

/** A user's main line as the user list views show it (`GET /users?view=summary|directory`). */
export interface UserMainLine {
  user_id: number;
  line_id: number;
  protocol: 'sip' | 'sccp' | 'custom' | null;
  provisioning_code: string;
  /** The line's first extension (its main one first), or null without extension. */
  exten: string | null;
  context: string | null;
  /** The SIP endpoint's `webrtc` option, its own or its templates'; null without. */
  webrtc: string | null;
}

/** The user as the association (and its events) sees it. */
export interface AssociatedUser {
  id: number;
  uuid: string;
  tenant_uuid: string;
}

/** PUT /users/{id}/lines/{line_id} has no body; PUT /users/{id}/lines takes `{lines: [{id}]}`. */
/** `PUT /users/{id}/lines`: the user's lines in order, the first its main line. */
export const userLinesSchema = Type.Object({
  lines: Type.Array(Type.Object({ id: Type.Integer() })),
});
export type UserLinesReplace = Static<typeof userLinesSchema>;
