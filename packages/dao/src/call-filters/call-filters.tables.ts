/** Tables of the call filters, their members and fallbacks, as Kysely types. Only their daos query them. */
import type { Generated, JSONColumnType } from 'kysely';
import type { Destination } from '../schedules/destination.js';
import type { CallFilterFields, CallFilterRole } from './call-filters.model.js';

export interface CallFilterTable {
  id: Generated<number>;
  tenant_uuid: string;
  name: string;
  strategy: CallFilterFields['strategy'];
  source: CallFilterFields['source'];
  surrogates_timeout: number | null;
  caller_id_mode: CallFilterFields['caller_id_mode'];
  caller_id_name: string | null;
  description: string | null;
  enabled: boolean;
}

export interface CallFilterMemberTable {
  id: Generated<number>;
  call_filter_id: number;
  user_id: number;
  role: CallFilterRole;
  timeout: number | null;
  /** The member's place among the filter's members of its role. */
  priority: number;
}

export interface CallFilterFallbackTable {
  call_filter_id: number;
  event: string;
  destination: JSONColumnType<Destination>;
}

export interface CallFilterTables {
  call_filter: CallFilterTable;
  call_filter_member: CallFilterMemberTable;
  call_filter_fallback: CallFilterFallbackTable;
}
