/**
 * The association of a user with a line. A user's first line is its main line, a line's first
 * user its main user; when the main line goes, the user's oldest other line takes its place.
 */
export interface UserLine {
  user_id: number;
  user_uuid: string;
  line_id: number;
  main_user: boolean;
  main_line: boolean;
}

/** The user as the association (and its events) sees it. */
export interface AssociatedUser {
  id: number;
  uuid: string;
  tenant_uuid: string;
}

/** PUT /users/{id}/lines/{line_id} has no body; PUT /users/{id}/lines takes `{lines: [{id}]}`. */
export const userLinesSchema = {
  type: 'object',
  required: ['lines'],
  properties: {
    lines: {
      type: 'array',
      items: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
    },
  },
} as const;
