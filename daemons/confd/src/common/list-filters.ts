/**
 * The exact filters of each confd list: the columns of the resource's search config in the Service
 * API (every column filters, `?firstname=Bob`, as xivo-dao's), typed as the resource's answer types
 * the field (an integer or boolean there is one here; a name the answer lacks, such as a user's
 * `exten`, is text). Declared on the list route's querystring, so a value of the wrong type
 * (`?id=abc`, `?enabled=maybe`) is refused with marshmallow's words instead of reaching
 * PostgreSQL, and booleans take Wazo's spellings (`True`, `1`, `yes`). A name not listed is still
 * accepted and ignored, as Wazo ignores parameters it does not know.
 */

import { type TSchema, Type } from '@wazo-ts/daemon/schema';
import {
  agentSchema,
  agentSearchConfig,
  applicationSchema,
  applicationSearchConfig,
  callFilterSchema,
  callFilterSearchConfig,
  callPermissionSchema,
  callPermissionSearchConfig,
  callPickupSchema,
  callPickupSearchConfig,
  conferenceSchema,
  conferenceSearchConfig,
  contextSchema,
  contextSearchConfig,
  deviceSchema,
  deviceSearchConfig,
  endpointCustomSchema,
  endpointCustomSearchConfig,
  endpointSccpSchema,
  endpointSccpSearchConfig,
  endpointSipSchema,
  endpointSipSearchConfig,
  extensionSchema,
  extensionSearchConfig,
  funcKeyTemplateSchema,
  funcKeyTemplateSearchConfig,
  groupSchema,
  groupSearchConfig,
  iaxEndpointSchema,
  iaxEndpointSearchConfig,
  incallSchema,
  incallSearchConfig,
  ingressHttpSchema,
  ingressHttpSearchConfig,
  ivrSchema,
  ivrSearchConfig,
  lineSchema,
  lineSearchConfig,
  meetingAuthorizationSchema,
  meetingAuthorizationSearchConfig,
  meetingSchema,
  meetingSearchConfig,
  mohSchema,
  mohSearchConfig,
  outcallSchema,
  outcallSearchConfig,
  pagingSchema,
  pagingSearchConfig,
  parkingLotSchema,
  parkingLotSearchConfig,
  phoneNumberSchema,
  phoneNumberSearchConfig,
  queueSchema,
  queueSearchConfig,
  registerIaxSchema,
  registerIaxSearchConfig,
  type SearchConfig,
  scheduleSchema,
  scheduleSearchConfig,
  sipTransportSchema,
  sipTransportSearchConfig,
  skillSchema,
  skillSearchConfig,
  switchboardSchema,
  switchboardSearchConfig,
  trunkSchema,
  trunkSearchConfig,
  USER_LINE_FILTER_NAMES,
  userSchema,
  userSearchConfig,
  voicemailSchema,
  voicemailSearchConfig,
} from '@wazo-ts/dao';

type Filters = Record<string, TSchema>;

function filterOf(answer: TSchema, name: string): TSchema {
  const field = (answer as { properties?: Record<string, { type?: string | string[] }> }).properties?.[name];
  const types = [field?.type ?? []].flat();
  if (types.includes('integer')) return Type.Optional(Type.Integer());
  if (types.includes('boolean')) return Type.Optional(Type.Boolean());
  return Type.Optional(Type.String());
}

function filtersOf(config: SearchConfig, answer: TSchema, more: readonly string[] = []): Filters {
  return Object.fromEntries(
    [...Object.keys(config.columns), ...more].map((name) => [name, filterOf(answer, name)]),
  );
}

export const LIST_FILTERS = {
  users: filtersOf(userSearchConfig, userSchema, [...USER_LINE_FILTER_NAMES, 'voicemail_number']),
  lines: filtersOf(lineSearchConfig, lineSchema),
  extensions: filtersOf(extensionSearchConfig, extensionSchema),
  contexts: filtersOf(contextSearchConfig, contextSchema),
  groups: filtersOf(groupSearchConfig, groupSchema),
  schedules: filtersOf(scheduleSearchConfig, scheduleSchema),
  funckeyTemplates: filtersOf(funcKeyTemplateSearchConfig, funcKeyTemplateSchema),
  callpermissions: filtersOf(callPermissionSearchConfig, callPermissionSchema),
  endpointSip: filtersOf(endpointSipSearchConfig, endpointSipSchema, ['uuid']),
  sipTransports: filtersOf(sipTransportSearchConfig, sipTransportSchema),
  voicemails: filtersOf(voicemailSearchConfig, voicemailSchema),
  devices: filtersOf(deviceSearchConfig, deviceSchema),
  callfilters: filtersOf(callFilterSearchConfig, callFilterSchema),
  endpointIax: filtersOf(iaxEndpointSearchConfig, iaxEndpointSchema),
  applications: filtersOf(applicationSearchConfig, applicationSchema),
  endpointCustom: filtersOf(endpointCustomSearchConfig, endpointCustomSchema),
  endpointSccp: filtersOf(endpointSccpSearchConfig, endpointSccpSchema),
  switchboards: filtersOf(switchboardSearchConfig, switchboardSchema),
  callpickups: filtersOf(callPickupSearchConfig, callPickupSchema),
  // `user_id` (the user an incall's destination rings) is an id, though no incall field shows it.
  incalls: { ...filtersOf(incallSearchConfig, incallSchema), user_id: Type.Optional(Type.Integer()) },
  phoneNumbers: filtersOf(phoneNumberSearchConfig, phoneNumberSchema),
  ingressHttp: filtersOf(ingressHttpSearchConfig, ingressHttpSchema),
  meetings: filtersOf(meetingSearchConfig, meetingSchema),
  meetingAuthorizations: filtersOf(meetingAuthorizationSearchConfig, meetingAuthorizationSchema),
  agents: filtersOf(agentSearchConfig, agentSchema),
  skills: filtersOf(skillSearchConfig, skillSchema),
  queues: filtersOf(queueSearchConfig, queueSchema),
  ivr: filtersOf(ivrSearchConfig, ivrSchema),
  moh: filtersOf(mohSearchConfig, mohSchema),
  trunks: filtersOf(trunkSearchConfig, trunkSchema),
  outcalls: filtersOf(outcallSearchConfig, outcallSchema),
  registersIax: filtersOf(registerIaxSearchConfig, registerIaxSchema),
  conferences: filtersOf(conferenceSearchConfig, conferenceSchema),
  pagings: filtersOf(pagingSearchConfig, pagingSchema),
  parkinglots: filtersOf(parkingLotSearchConfig, parkingLotSchema),
} satisfies Record<string, Filters>;
