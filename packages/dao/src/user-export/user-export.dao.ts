/**
 * SQL of the users export: each user of one tenant with its voicemail, its main line (endpoint,
 * context, SIP credentials), that line's main extension and its call permissions, as Wazo's
 * `user_export` query joins them, and the numbers of the incalls to the user (`;`-joined, by
 * number then context). Read-only; one query for the whole tenant.
 */
import { sql } from 'kysely';
import type { Tx } from '../db/unit-of-work.js';
import { USER_EXPORT_COLUMNS, type UserExportRow } from './user-export.model.js';

const flag = (column: string) => sql.raw(`CASE WHEN ${column} THEN '1' ELSE '0' END`);
/** A nullable boolean: '' when unset, as Wazo's cast of a NULL integer. */
const optionalFlag = (column: string) =>
  sql.raw(`CASE WHEN ${column} IS NULL THEN NULL WHEN ${column} THEN '1' ELSE '0' END`);
/** The value of the first `[key, value]` pair with this key in a SIP endpoint's auth options. */
const authOption = (key: string) =>
  sql`(SELECT o ->> 1 FROM jsonb_array_elements(es.auth_section_options::jsonb) AS o WHERE o ->> 0 = ${key} LIMIT 1)`;

/** The numbers (exten and context) of the incalls whose destination is the user `u`. */
const incallsOf = sql.raw(`SELECT e.exten, c.name AS context FROM incall_destination d
  JOIN incall_extension ix ON ix.incall_id = d.incall_id
  JOIN extension e ON e.id = ix.extension_id JOIN context c ON c.id = e.context_id
  WHERE d.destination ->> 'type' = 'user' AND d.destination ->> 'user_id' = u.id::text`);

export function createUserExportDao() {
  return {
    /** Every user of the tenant, oldest first. */
    async rowsOfTenant(tx: Tx, tenantUuid: string): Promise<UserExportRow[]> {
      const { rows } = await sql<Record<string, string | null>>`
        SELECT
          u.uuid::text AS uuid,
          u.subscription_type::text AS subscription_type,
          u.firstname, u.lastname, u.email, u.mobile_phone_number, u.outgoing_caller_id,
          u.language, u.call_permission_password,
          ${flag('u.enabled')} AS enabled,
          u.ring_seconds::text AS ring_seconds,
          u.simultaneous_calls::text AS simultaneous_calls,
          ${flag('u.supervision_enabled')} AS supervision_enabled,
          ${flag('u.call_transfer_enabled')} AS call_transfer_enabled,
          ${flag('u.dtmf_hangup_enabled')} AS dtmf_hangup_enabled,
          ${flag('u.call_record_outgoing_external_enabled')} AS call_record_outgoing_external_enabled,
          ${flag('u.call_record_outgoing_internal_enabled')} AS call_record_outgoing_internal_enabled,
          ${flag('u.call_record_incoming_external_enabled')} AS call_record_incoming_external_enabled,
          ${flag('u.call_record_incoming_internal_enabled')} AS call_record_incoming_internal_enabled,
          ${flag('u.online_call_record_enabled')} AS online_call_record_enabled,
          u.userfield,
          vm.name AS voicemail_name,
          vm.number AS voicemail_number,
          vmctx.name AS voicemail_context,
          vm.password AS voicemail_password,
          vm.email AS voicemail_email,
          ${optionalFlag('vm.attach_audio')} AS voicemail_attach_audio,
          ${optionalFlag('vm.delete_messages')} AS voicemail_delete_messages,
          ${optionalFlag('vm.ask_password')} AS voicemail_ask_password,
          CASE
            WHEN l.endpoint_sip_uuid IS NOT NULL THEN 'sip'
            WHEN l.endpoint_sccp_id IS NOT NULL THEN 'sccp'
            WHEN l.endpoint_custom_id IS NOT NULL THEN 'custom'
            ELSE NULL
          END AS line_protocol,
          l.provisioning_code,
          coalesce(ectx.name, lctx.name) AS context,
          ${authOption('username')} AS sip_username,
          ${authOption('password')} AS sip_secret,
          e.exten,
          (SELECT string_agg(ie.exten, ';' ORDER BY ie.exten, ie.context) FROM (${incallsOf}) ie) AS incall_exten,
          (SELECT string_agg(ie.context, ';' ORDER BY ie.exten, ie.context) FROM (${incallsOf}) ie) AS incall_context,
          (SELECT string_agg(cp.name, ';' ORDER BY cp.name)
             FROM user_call_permissions ucp
             JOIN call_permissions cp ON cp.id = ucp.call_permission_id
            WHERE ucp.user_uuid = u.uuid) AS call_permissions
        FROM users u
        LEFT JOIN user_voicemail uv ON uv.user_uuid = u.uuid
        LEFT JOIN voicemail vm ON vm.id = uv.voicemail_id
        LEFT JOIN context vmctx ON vmctx.id = vm.context_id
        LEFT JOIN user_line ul ON ul.user_id = u.id AND ul.main_line
        LEFT JOIN line l ON l.id = ul.line_id
        LEFT JOIN context lctx ON lctx.id = l.context_id
        LEFT JOIN endpoint_sip es ON es.uuid = l.endpoint_sip_uuid
        LEFT JOIN line_extension le ON le.line_id = l.id AND le.main_extension
        LEFT JOIN extension e ON e.id = le.extension_id
        LEFT JOIN context ectx ON ectx.id = e.context_id
        WHERE u.tenant_uuid = ${tenantUuid}
        ORDER BY u.id
      `.execute(tx.db);
      return rows.map(
        (row) =>
          Object.fromEntries(
            USER_EXPORT_COLUMNS.map((column) => [column, row[column] ?? '']),
          ) as UserExportRow,
      );
    },
  };
}

export type UserExportDao = ReturnType<typeof createUserExportDao>;
