/**
 * `GET /users?view=summary|directory`: each user flattened with its main line, as Wazo's
 * `UserSummarySchema` and `UserDirectorySchema` render them. Resources this confd lacks (agents,
 * voicemails) read as null, as Wazo renders a user without them.
 */
import type { Line, TenantScope, User } from '@wazo-ts/dao';
import type { ConfdServices } from '../common/services.js';

export const USER_VIEWS = ['summary', 'directory'] as const;
export type UserView = (typeof USER_VIEWS)[number];

const WEBRTC = /^(yes|true|on|1)$/i;

function summaryOf(user: User, line: Line | null, webrtc: boolean) {
  const main = line?.extensions[0];
  return {
    id: user.id,
    uuid: user.uuid,
    firstname: user.firstname,
    lastname: user.lastname,
    email: user.email,
    extension: main?.exten ?? null,
    context: main?.context ?? null,
    provisioning_code: line?.provisioning_code ?? null,
    protocol: line?.protocol ?? null,
    enabled: user.enabled,
    subscription_type: user.subscription_type,
    is_webrtc: webrtc,
  };
}

function directoryOf(user: User, line: Line | null) {
  const main = line?.extensions[0];
  return {
    id: user.id,
    uuid: user.uuid,
    line_id: line?.id ?? null,
    agent_id: null,
    firstname: user.firstname,
    lastname: user.lastname,
    email: user.email,
    exten: main?.exten ?? null,
    mobile_phone_number: user.mobile_phone_number,
    voicemail_number: null,
    userfield: user.userfield,
    description: user.description,
    context: main?.context ?? null,
  };
}

/** Whether a line's SIP endpoint has `webrtc` on (Wazo's `is_webrtc`). */
async function isWebrtc(services: Pick<ConfdServices, 'lines'>, scope: TenantScope, line: Line | null) {
  if (line?.protocol !== 'sip') return false;
  const sip = await services.lines.getEndpointSip(scope, line.id);
  return sip.endpoint_section_options.some(([key, value]) => key === 'webrtc' && WEBRTC.test(value));
}

/**
 * The page's users in the view asked. Each user's main line is read through the lines services
 * (a few reads per user): fine for a page, a batched read is the next step if it shows in bench/.
 */
export async function renderUserView(
  services: Pick<ConfdServices, 'userLines' | 'lines'>,
  scope: TenantScope,
  view: UserView,
  users: User[],
) {
  return Promise.all(
    users.map(async (user) => {
      const [main] = await services.userLines.linesOfUser(scope, user.id);
      const line = main ? await services.lines.get(scope, main.line_id) : null;
      if (view === 'directory') return directoryOf(user, line);
      return summaryOf(user, line, await isWebrtc(services, scope, line));
    }),
  );
}
