/**
 * `GET /users?view=summary|directory`: each user flattened with its main line, as Wazo's
 * `UserSummarySchema` and `UserDirectorySchema` render them. Resources this confd lacks (agents,
 * voicemails) read as null, as Wazo renders a user without them.
 */
import { Nullable, type Static, Type } from '@wazo-ts/daemon/schema';
import type { TenantScope, User, UserMainLine } from '@wazo-ts/dao';
import type { ConfdServices } from '../common/services.js';

export const USER_VIEWS = ['summary', 'directory'] as const;
export type UserView = (typeof USER_VIEWS)[number];

const WEBRTC = /^(yes|true|on|1)$/i;

const text = () => Nullable(Type.String());
const id = () => Nullable(Type.Integer());

/** A user in `?view=summary`. */
export const userSummarySchema = Type.Object({
  id: Type.Integer(),
  uuid: Type.String(),
  firstname: Type.String(),
  lastname: text(),
  email: text(),
  extension: text(),
  context: text(),
  provisioning_code: text(),
  protocol: text(),
  enabled: Type.Boolean(),
  subscription_type: Type.Integer(),
  is_webrtc: Type.Boolean(),
});

/** A user in `?view=directory`; agent and voicemail are always null here. */
export const userDirectorySchema = Type.Object({
  id: Type.Integer(),
  uuid: Type.String(),
  line_id: id(),
  agent_id: id(),
  firstname: Type.String(),
  lastname: text(),
  email: text(),
  exten: text(),
  mobile_phone_number: text(),
  voicemail_number: text(),
  userfield: text(),
  description: text(),
  context: text(),
});

function summaryOf(user: User, line: UserMainLine | null, webrtc: boolean): Static<typeof userSummarySchema> {
  return {
    id: user.id,
    uuid: user.uuid,
    firstname: user.firstname,
    lastname: user.lastname,
    email: user.email,
    extension: line?.exten ?? null,
    context: line?.context ?? null,
    provisioning_code: line?.provisioning_code ?? null,
    protocol: line?.protocol ?? null,
    enabled: user.enabled,
    subscription_type: user.subscription_type,
    is_webrtc: webrtc,
  };
}

function directoryOf(
  user: User,
  line: UserMainLine | null,
  agentId: number | null,
): Static<typeof userDirectorySchema> {
  return {
    id: user.id,
    uuid: user.uuid,
    line_id: line?.line_id ?? null,
    agent_id: agentId,
    firstname: user.firstname,
    lastname: user.lastname,
    email: user.email,
    exten: line?.exten ?? null,
    mobile_phone_number: user.mobile_phone_number,
    voicemail_number: null,
    userfield: user.userfield,
    description: user.description,
    context: line?.context ?? null,
  };
}

/** Whether the line's SIP endpoint has `webrtc` on (Wazo's `is_webrtc`). */
const isWebrtc = (line: UserMainLine | null) =>
  line?.protocol === 'sip' && line.webrtc !== null && WEBRTC.test(line.webrtc);

/** The page's users in the view asked, their main lines read in one query whatever the page size. */
export async function renderUserView(
  services: Pick<ConfdServices, 'userLines' | 'agents'>,
  scope: TenantScope,
  view: UserView,
  users: User[],
) {
  const mainLines = await services.userLines.mainLinesOfUsers(
    scope,
    users.map((user) => user.id),
  );
  const byUser = new Map(mainLines.map((line) => [line.user_id, line]));
  const agents =
    view === 'directory' ? await services.agents.agentIdsOfUsers(users.map((user) => user.id)) : new Map();
  return users.map((user) => {
    const line = byUser.get(user.id) ?? null;
    return view === 'directory'
      ? directoryOf(user, line, agents.get(user.id) ?? null)
      : summaryOf(user, line, isWebrtc(line));
  });
}
