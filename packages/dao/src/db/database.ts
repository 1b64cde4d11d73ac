/**
 * The database as Kysely sees it: the union of each resource's tables. Each resource declares
 * its own tables in `<resource>/<resource>.tables.ts`, next to the dao that is the only code
 * allowed to query them.
 */

import type { AccessFeatureTables } from '../access-features/access-features.tables.js';
import type { AgentTables } from '../agents/agents.tables.js';
import type { ApplicationTables } from '../applications/applications.tables.js';
import type { BlocklistTables } from '../blocklists/blocklists.tables.js';
import type { CallFilterTables } from '../call-filters/call-filters.tables.js';
import type { CallPermissionTables } from '../call-permissions/call-permissions.tables.js';
import type { CallPickupTables } from '../call-pickups/call-pickups.tables.js';
import type { ConferenceTables } from '../conferences/conferences.tables.js';
import type { ContextIncludeTables } from '../context-includes/context-includes.tables.js';
import type { ContextTables } from '../contexts/contexts.tables.js';
import type { DeviceTables } from '../devices/devices.tables.js';
import type { EndpointCustomTables } from '../endpoint-custom/endpoint-custom.tables.js';
import type { EndpointIaxTables } from '../endpoint-iax/endpoint-iax.tables.js';
import type { EndpointSccpTables } from '../endpoint-sccp/endpoint-sccp.tables.js';
import type { EndpointSipTables } from '../endpoint-sip/endpoint-sip.tables.js';
import type { ExtensionTables } from '../extensions/extensions.tables.js';
import type { ExternalAppTables } from '../external-apps/external-apps.tables.js';
import type { FeatureExtensionTables } from '../feature-extensions/feature-extensions.tables.js';
import type { FuncKeyTables } from '../func-keys/func-keys.tables.js';
import type { GroupExtensionTables } from '../group-extensions/group-extensions.tables.js';
import type { GroupMemberExtensionTables } from '../group-member-extensions/group-member-extensions.tables.js';
import type { GroupMemberTables } from '../group-members/group-members.tables.js';
import type { GroupScheduleTables } from '../group-schedules/group-schedules.tables.js';
import type { GroupTables } from '../groups/groups.tables.js';
import type { IncallTables } from '../incalls/incalls.tables.js';
import type { IngressHttpTables } from '../ingress-http/ingress-http.tables.js';
import type { IvrTables } from '../ivr/ivr.tables.js';
import type { LineExtensionTables } from '../line-extensions/line-extensions.tables.js';
import type { LineTables } from '../lines/lines.tables.js';
import type { MeetingTables } from '../meetings/meetings.tables.js';
import type { MohTables } from '../moh/moh.tables.js';
import type { OutcallTables } from '../outcalls/outcalls.tables.js';
import type { PagingTables } from '../pagings/pagings.tables.js';
import type { ParkingLotTables } from '../parking-lots/parking-lots.tables.js';
import type { PhoneNumberTables } from '../phone-numbers/phone-numbers.tables.js';
import type { QueueTables } from '../queues/queues.tables.js';
import type { RegistrarTables } from '../registrars/registrars.tables.js';
import type { ScheduleTables } from '../schedules/schedules.tables.js';
import type { SettingsTables } from '../settings/settings.tables.js';
import type { SipTransportTables } from '../sip-transports/sip-transports.tables.js';
import type { SkillRuleTables } from '../skill-rules/skill-rules.tables.js';
import type { SwitchboardTables } from '../switchboards/switchboards.tables.js';
import type { TenantTables } from '../tenants/tenants.tables.js';
import type { TrunkTables } from '../trunks/trunks.tables.js';
import type { UserLineTables } from '../user-lines/user-lines.tables.js';
import type { UserScheduleTables } from '../user-schedules/user-schedules.tables.js';
import type { UserTables } from '../users/users.tables.js';
import type { VoicemailTables } from '../voicemails/voicemails.tables.js';

export interface Database
  extends TenantTables,
    UserTables,
    GroupTables,
    ScheduleTables,
    GroupMemberTables,
    GroupExtensionTables,
    UserScheduleTables,
    GroupScheduleTables,
    ContextTables,
    ContextIncludeTables,
    ExtensionTables,
    LineTables,
    LineExtensionTables,
    UserLineTables,
    FuncKeyTables,
    CallPermissionTables,
    GroupMemberExtensionTables,
    SettingsTables,
    RegistrarTables,
    AccessFeatureTables,
    EndpointSipTables,
    SipTransportTables,
    VoicemailTables,
    DeviceTables,
    CallFilterTables,
    EndpointIaxTables,
    ApplicationTables,
    BlocklistTables,
    ExternalAppTables,
    FeatureExtensionTables,
    EndpointCustomTables,
    EndpointSccpTables,
    SkillRuleTables,
    SwitchboardTables,
    CallPickupTables,
    IncallTables,
    PhoneNumberTables,
    IngressHttpTables,
    MeetingTables,
    AgentTables,
    QueueTables,
    IvrTables,
    MohTables,
    TrunkTables,
    OutcallTables,
    ConferenceTables,
    PagingTables,
    ParkingLotTables {}
