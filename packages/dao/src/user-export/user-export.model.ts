/**
 * A user as `GET /users/export` writes it: one CSV row of text per user, the columns in Wazo's
 * order (its `user_export` query), booleans as `1`/`0`, absent values as ''. wazo-auth's
 * `username` is added by confd after these (it lives in wazo-auth, not here).
 */
export const USER_EXPORT_COLUMNS = [
  'uuid',
  'subscription_type',
  'firstname',
  'lastname',
  'email',
  'mobile_phone_number',
  'outgoing_caller_id',
  'language',
  'call_permission_password',
  'enabled',
  'ring_seconds',
  'simultaneous_calls',
  'supervision_enabled',
  'call_transfer_enabled',
  'dtmf_hangup_enabled',
  'call_record_outgoing_external_enabled',
  'call_record_outgoing_internal_enabled',
  'call_record_incoming_external_enabled',
  'call_record_incoming_internal_enabled',
  'online_call_record_enabled',
  'userfield',
  'voicemail_name',
  'voicemail_number',
  'voicemail_context',
  'voicemail_password',
  'voicemail_email',
  'voicemail_attach_audio',
  'voicemail_delete_messages',
  'voicemail_ask_password',
  'line_protocol',
  'provisioning_code',
  'context',
  'sip_username',
  'sip_secret',
  'exten',
  'incall_exten',
  'incall_context',
  'call_permissions',
] as const;

export type UserExportColumn = (typeof USER_EXPORT_COLUMNS)[number];

/** One exported user: every column, as text. */
export type UserExportRow = Record<UserExportColumn, string>;
