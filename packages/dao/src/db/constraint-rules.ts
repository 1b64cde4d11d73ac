/**
 * Which Wazo error each named constraint of the schema stands for. Validators check the same
 * rules first and word them better (with the names a client sent); these are the last guard, for
 * the writes that race past a validator (two creates of one e-mail at once) or rules only the
 * database knows. A test checks that every unique, foreign key and check constraint of the schema
 * is listed here, so a new migration cannot leave one out.
 */

/** A key column as the API names it; `int` values are shown bare, as Wazo shows numbers. */
export type KeyField = readonly [name: string, type: 'text' | 'int'];

export type ConstraintRule =
  /** 23505: `Resource Error - <resource> already exists (<fields>)`. */
  | { kind: 'unique'; resource: string; fields: readonly KeyField[] }
  /** 23505 on an association's key: `Resource Error - <resource> is associated with a <associated>`. */
  | { kind: 'associated'; resource: string; associated: string; fields: readonly KeyField[] }
  /**
   * 23503: a write naming a missing row is `Input Error - field '<field>': <resource> was not
   * found (<key>)`; deleting a row still referenced (RESTRICT) is `Resource Error - <resource> is
   * associated with a <owner>`.
   */
  | { kind: 'reference'; field: string; resource: string; key: KeyField; owner: string }
  /** 23514 on one field: `Input Error - <field>: ['<message>']`, as confd's schema errors. */
  | { kind: 'check'; field: string; message: string }
  /** 23514 across fields: `Resource Error - <message>`, as the validator words it. */
  | { kind: 'rule'; message: string };

const unique = (resource: string, ...fields: KeyField[]): ConstraintRule => ({
  kind: 'unique',
  resource,
  fields,
});
const associated = (resource: string, other: string, ...fields: KeyField[]): ConstraintRule => ({
  kind: 'associated',
  resource,
  associated: other,
  fields,
});
const reference = (field: string, resource: string, key: KeyField, owner: string): ConstraintRule => ({
  kind: 'reference',
  field,
  resource,
  key,
  owner,
});
const check = (field: string, message: string): ConstraintRule => ({ kind: 'check', field, message });
const oneOf = (field: string, choices: string): ConstraintRule => check(field, `Must be one of: ${choices}.`);
const atLeast = (field: string, min: number): ConstraintRule =>
  check(field, `Must be greater than or equal to ${min}.`);
const between = (field: string, min: number, max: number): ConstraintRule =>
  check(field, `Must be greater than or equal to ${min} and less than or equal to ${max}.`);
const pattern = (field: string): ConstraintRule => check(field, 'String does not match expected pattern.');
const forward = (name: string): ConstraintRule => ({
  kind: 'rule',
  message: `Forward '${name}' cannot be enabled without a destination`,
});

const ID: KeyField = ['id', 'int'];
const UUID: KeyField = ['uuid', 'text'];
const TENANT: KeyField = ['tenant_uuid', 'text'];

/** Constraint (or unique index) name → the error it means. */
export const constraintRules: Readonly<Record<string, ConstraintRule>> = {
  tenant_pkey: unique('Tenant', UUID),
  tenant_slug_format: pattern('slug'),
  // A tenant's default SIP templates (0040): set by confd itself, nulled when the template goes.
  ...Object.fromEntries(
    ['global', 'webrtc', 'meeting_guest', 'registration_trunk', 'twilio_trunk'].map((kind) => [
      `tenant_${kind}_sip_template_uuid_fkey`,
      reference(`${kind}_sip_template_uuid`, 'SIPEndpointTemplate', UUID, 'Tenant'),
    ]),
  ),

  users_pkey: unique('User', ID),
  users_uuid_key: unique('User', UUID),
  users_email_lower_key: unique('User', ['email', 'text']),
  users_username_key: unique('User', ['username', 'text']),
  users_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'User'),
  users_ring_seconds_check: between('ring_seconds', 0, 10800),
  users_simultaneous_calls_check: between('simultaneous_calls', 1, 20),
  users_subscription_type_check: between('subscription_type', 0, 10),
  users_mobile_fallback_number: {
    kind: 'rule',
    message: 'PSTN fallback must be disabled when mobile phone number is not set',
  },
  users_forward_busy_destination: forward('busy'),
  users_forward_noanswer_destination: forward('noanswer'),
  users_forward_unconditional_destination: forward('unconditional'),

  groups_pkey: unique('Group', ID),
  groups_uuid_key: unique('Group', UUID),
  groups_name_key: unique('Group', ['name', 'text']),
  groups_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'Group'),
  groups_label_check: pattern('label'),
  groups_ring_strategy_check: oneOf(
    'ring_strategy',
    'all, random, least_recent, linear, fewest_calls, memorized_round_robin, weight_random',
  ),
  groups_caller_id_mode_check: oneOf('caller_id_mode', 'prepend, overwrite, append'),
  groups_timeout_check: atLeast('timeout', 0),
  groups_user_timeout_check: atLeast('user_timeout', 0),
  groups_retry_delay_check: atLeast('retry_delay', 0),
  groups_max_calls_check: atLeast('max_calls', 0),

  group_member_users_pkey: associated('Group', 'User', ['group_id', 'int'], ['user_uuid', 'text']),
  group_member_users_group_id_fkey: reference('group_id', 'Group', ID, 'GroupMember'),
  group_member_users_user_uuid_fkey: reference('users', 'User', UUID, 'Group'),
  group_member_users_priority_check: atLeast('priority', 0),

  schedules_pkey: unique('Schedule', ID),
  schedules_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'Schedule'),
  schedules_closed_destination_check: check('closed_destination', 'Missing data for required field.'),
  schedule_periods_pkey: unique('SchedulePeriod', ID),
  schedule_periods_schedule_id_fkey: reference('schedule_id', 'Schedule', ID, 'SchedulePeriod'),
  schedule_periods_schedule_id_kind_position_key: unique(
    'SchedulePeriod',
    ['schedule_id', 'int'],
    ['kind', 'text'],
    ['position', 'int'],
  ),
  schedule_periods_check: check('hours', 'Start must be lower than or equal to the end.'),
  schedule_periods_check1: check('destination', 'An exceptional period needs a destination.'),
  schedule_periods_hours_start_check: pattern('hours_start'),
  schedule_periods_hours_end_check: pattern('hours_end'),
  schedule_periods_kind_check: oneOf('kind', 'open, exceptional'),
  schedule_periods_week_days_check: check('week_days', 'Must be days between 1 and 7.'),
  schedule_periods_month_days_check: check('month_days', 'Must be days between 1 and 31.'),
  schedule_periods_months_check: check('months', 'Must be months between 1 and 12.'),
  user_schedules_pkey: associated('User', 'Schedule', ['user_uuid', 'text']),
  user_schedules_user_uuid_fkey: reference('user_uuid', 'User', UUID, 'Schedule'),
  user_schedules_schedule_id_fkey: reference('schedule_id', 'Schedule', ID, 'User'),
  group_schedules_pkey: associated('Group', 'Schedule', ['group_id', 'int']),
  group_schedules_group_id_fkey: reference('group_id', 'Group', ID, 'Schedule'),
  group_schedules_schedule_id_fkey: reference('schedule_id', 'Schedule', ID, 'Group'),

  context_pkey: unique('Context', ID),
  context_uuid_key: unique('Context', UUID),
  context_name_key: unique('Context', ['name', 'text']),
  context_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'Context'),
  context_label_check: check('label', 'Length must be between 1 and 128.'),
  context_type_check: oneOf('type', 'internal, incall, outcall, services, others'),
  context_range_pkey: unique('ContextRange', ['context_id', 'int'], ['kind', 'text'], ['position', 'int']),
  context_range_context_id_fkey: reference('context_id', 'Context', ID, 'ContextRange'),
  context_range_kind_check: oneOf('kind', 'user, group, queue, conference_room, incall'),
  context_range_start_check: pattern('start'),
  context_range_end_check: pattern('end'),
  context_range_did_length_check: atLeast('did_length', 0),
  context_range_length_check: check('_schema', 'Start and end must be of the same length'),
  context_include_pkey: unique('ContextInclude', ['context_id', 'int'], ['include_id', 'int']),
  context_include_context_id_fkey: reference('context_id', 'Context', ID, 'ContextInclude'),
  context_include_include_id_fkey: reference('contexts', 'Context', ID, 'ContextInclude'),
  context_include_self_check: {
    kind: 'rule',
    message: 'Operation not permitted. Cannot include context inside itself',
  },

  extension_pkey: unique('Extension', ID),
  extension_exten_context_key: unique('Extension', ['exten', 'text'], ['context_id', 'int']),
  extension_context_id_fkey: reference('context', 'Context', ID, 'Extension'),

  line_pkey: unique('Line', ID),
  line_name_key: unique('Line', ['name', 'text']),
  line_provisioning_code_key: unique('Line', ['provisioning_code', 'text']),
  line_endpoint_sip_uuid_key: associated('Line', 'EndpointSIP', ['endpoint_sip_uuid', 'text']),
  line_endpoint_custom_id_key: associated('Line', 'EndpointCustom', ['endpoint_custom_id', 'int']),
  line_context_id_fkey: reference('context', 'Context', ID, 'Line'),
  line_provisioning_code_check: pattern('provisioning_code'),
  line_position_check: atLeast('position', 1),
  line_one_endpoint_check: { kind: 'rule', message: 'Line is already associated with an endpoint' },
  line_endpoint_sip_uuid_fkey: reference('endpoint_sip', 'SIPEndpoint', UUID, 'Line'),
  line_endpoint_custom_id_fkey: reference('endpoint_custom', 'CustomEndpoint', ID, 'Line'),
  line_endpoint_sccp_id_key: associated('Line', 'EndpointSCCP', ['endpoint_sccp_id', 'int']),
  line_endpoint_sccp_id_fkey: reference('endpoint_sccp', 'SCCPEndpoint', ID, 'Line'),

  user_fallback_pkey: unique('UserFallback', ['user_id', 'int'], ['event', 'text']),
  user_fallback_user_id_fkey: reference('user_id', 'User', ID, 'Fallback'),
  user_fallback_event_check: oneOf('event', 'noanswer, busy, congestion, fail'),
  group_fallback_pkey: unique('GroupFallback', ['group_id', 'int'], ['event', 'text']),
  group_fallback_group_id_fkey: reference('group_id', 'Group', ID, 'Fallback'),
  group_fallback_event_check: oneOf('event', 'noanswer, congestion'),

  group_extension_pkey: associated('Group', 'Extension', ['group_id', 'int']),
  group_extension_extension_id_key: associated('Extension', 'Group', ['extension_id', 'int']),
  group_extension_group_id_fkey: reference('group_id', 'Group', ID, 'Extension'),
  group_extension_extension_id_fkey: reference('extension_id', 'Extension', ID, 'Group'),
  line_extension_pkey: associated('Line', 'Extension', ['line_id', 'int'], ['extension_id', 'int']),
  line_extension_main_key: associated('Line', 'Extension', ['line_id', 'int']),
  line_extension_line_id_fkey: reference('line_id', 'Line', ID, 'Extension'),
  line_extension_extension_id_fkey: reference('extension_id', 'Extension', ID, 'Line'),
  user_line_pkey: associated('User', 'Line', ['user_id', 'int'], ['line_id', 'int']),
  user_line_main_user_key: associated('Line', 'User', ['line_id', 'int']),
  user_line_main_line_key: associated('User', 'Line', ['user_id', 'int']),
  user_line_user_id_fkey: reference('user_id', 'User', ID, 'Line'),
  user_line_line_id_fkey: reference('line_id', 'Line', ID, 'User'),

  func_key_template_pkey: unique('FuncKeyTemplate', ID),
  func_key_template_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'FuncKeyTemplate'),
  func_key_template_private_user_id_key: associated('User', 'FuncKeyTemplate', ['user_id', 'int']),
  func_key_template_private_user_id_fkey: reference('user_id', 'User', ID, 'FuncKeyTemplate'),
  func_key_mapping_pkey: unique('FuncKey', ID),
  func_key_mapping_template_id_position_key: unique('FuncKey', ['template_id', 'int'], ['position', 'int']),
  func_key_mapping_template_id_fkey: reference('template_id', 'FuncKeyTemplate', ID, 'FuncKey'),
  func_key_mapping_position_check: atLeast('position', 1),
  func_key_mapping_user_id_fkey: reference('user_id', 'User', ID, 'FuncKey'),
  func_key_mapping_group_id_fkey: reference('group_id', 'Group', ID, 'FuncKey'),
  users_func_key_template_id_fkey: reference('func_key_template_id', 'FuncKeyTemplate', ID, 'User'),
  call_permissions_pkey: unique('CallPermission', ID),
  call_permissions_name_tenant_key: unique('CallPermission', ['name', 'text']),
  call_permissions_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'CallPermission'),
  call_permissions_password_check: pattern('password'),
  call_permissions_mode_check: oneOf('mode', 'allow, deny'),
  user_call_permissions_pkey: associated(
    'User',
    'CallPermission',
    ['user_uuid', 'text'],
    ['call_permission_id', 'int'],
  ),
  user_call_permissions_user_uuid_fkey: reference('user_uuid', 'User', UUID, 'CallPermission'),
  user_call_permissions_call_permission_id_fkey: reference(
    'call_permission_id',
    'CallPermission',
    ID,
    'User',
  ),
  group_call_permissions_pkey: associated(
    'Group',
    'CallPermission',
    ['group_id', 'int'],
    ['call_permission_id', 'int'],
  ),
  group_call_permissions_group_id_fkey: reference('group_id', 'Group', ID, 'CallPermission'),
  group_call_permissions_call_permission_id_fkey: reference(
    'call_permission_id',
    'CallPermission',
    ID,
    'Group',
  ),
  group_member_extensions_pkey: unique('GroupMember', ['group_id', 'int'], ['position', 'int']),
  group_member_extensions_member_key: unique('GroupMember', ['exten', 'text'], ['context', 'text']),
  group_member_extensions_group_id_fkey: reference('group_id', 'Group', ID, 'GroupMember'),
  group_member_extensions_priority_check: atLeast('priority', 0),
  settings_section_pkey: unique('SettingsSection', ID),
  settings_section_name_tenant_key: unique('SettingsSection', ['name', 'text'], TENANT),
  settings_section_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'SettingsSection'),
  registrar_pkey: unique('Registrar', ['id', 'text']),
  access_feature_pkey: unique('AccessFeatures', ID),
  access_feature_host_feature_key: unique('AccessFeatures', ['host', 'text'], ['feature', 'text']),
  access_feature_feature_check: oneOf('feature', 'phonebook'),
  pjsip_transport_pkey: unique('Transport', UUID),
  pjsip_transport_name_key: unique('Transport', ['name', 'text']),
  endpoint_sip_pkey: unique('SIPEndpoint', UUID),
  endpoint_sip_name_key: unique('SIPEndpoint', ['name', 'text']),
  endpoint_sip_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', UUID, 'SIPEndpoint'),
  endpoint_sip_transport_uuid_fkey: reference('transport', 'SIPTransport', UUID, 'EndpointSIP'),
  endpoint_sip_template_pkey: unique('SIPEndpointTemplate', ['child_uuid', 'text'], ['parent_uuid', 'text']),
  endpoint_sip_template_child_uuid_fkey: reference('uuid', 'SIPEndpoint', UUID, 'SIPEndpointTemplate'),
  endpoint_sip_template_parent_uuid_fkey: reference('templates', 'endpoint_sip', UUID, 'SIPEndpoint'),
  voicemail_pkey: unique('Voicemail', ID),
  voicemail_number_context_key: unique('Voicemail', ['number', 'text'], ['context_id', 'int']),
  voicemail_global_per_context: {
    kind: 'rule',
    message: 'Operation not permitted. There can be only one global voicemail per context.',
  },
  voicemail_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'Voicemail'),
  voicemail_context_id_fkey: reference('context', 'Context', ID, 'Voicemail'),
  voicemail_number_check: pattern('number'),
  voicemail_password_check: pattern('password'),
  voicemail_max_messages_check: atLeast('max_messages', 0),
  voicemail_accesstype_check: oneOf('accesstype', 'personal, global'),
  user_voicemail_pkey: associated('User', 'Voicemail', ['user_uuid', 'text']),
  user_voicemail_user_uuid_fkey: reference('user_uuid', 'User', UUID, 'Voicemail'),
  user_voicemail_voicemail_id_fkey: reference('voicemail_id', 'Voicemail', ID, 'User'),

  device_pkey: unique('Device', ['id', 'text']),
  device_mac_key: unique('Device', ['mac', 'text']),
  device_mac_check: pattern('mac'),
  device_status_check: oneOf('status', 'not_configured, autoprov, configured, corrupted'),
  device_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'Device'),

  call_filter_pkey: unique('CallFilter', ID),
  call_filter_name_tenant_key: unique('CallFilter', ['name', 'text']),
  call_filter_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'CallFilter'),
  call_filter_strategy_check: oneOf(
    'strategy',
    'all-recipients-then-linear-surrogates, all-recipients-then-all-surrogates, all-surrogates-then-all-recipients, linear-surrogates-then-all-recipients, all',
  ),
  call_filter_source_check: oneOf('source', 'internal, external, all'),
  call_filter_surrogates_timeout_check: atLeast('surrogates_timeout', 0),
  call_filter_caller_id_mode_check: oneOf('caller_id_mode', 'prepend, overwrite, append'),
  call_filter_member_pkey: unique('FilterMember', ID),
  call_filter_member_call_filter_id_user_id_key: associated('CallFilter', 'User', ['user_id', 'int']),
  call_filter_member_call_filter_id_fkey: reference('call_filter_id', 'CallFilter', ID, 'FilterMember'),
  call_filter_member_user_id_fkey: reference('users', 'User', ID, 'CallFilter'),
  call_filter_member_role_check: oneOf('role', 'recipient, surrogate'),
  call_filter_member_timeout_check: atLeast('timeout', 0),
  call_filter_fallback_pkey: unique('CallFilterFallback', ['call_filter_id', 'int'], ['event', 'text']),
  call_filter_fallback_call_filter_id_fkey: reference('call_filter_id', 'CallFilter', ID, 'Fallback'),
  call_filter_fallback_event_check: oneOf('event', 'noanswer'),
  func_key_mapping_filter_member_id_fkey: reference('filter_member_id', 'FilterMember', ID, 'FuncKey'),
  endpoint_iax_pkey: unique('IAXEndpoint', ID),
  endpoint_iax_name_key: unique('IAXEndpoint', ['name', 'text']),
  endpoint_iax_name_check: pattern('name'),
  endpoint_iax_type_check: oneOf('type', 'friend, peer, user'),
  endpoint_iax_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'IAXEndpoint'),

  application_pkey: unique('Application', UUID),
  application_node_type_check: oneOf('type', 'holding'),
  application_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'Application'),
  line_application_pkey: associated('Line', 'Application', ['line_id', 'int']),
  line_application_line_id_fkey: reference('line_id', 'Line', ID, 'Application'),
  line_application_application_uuid_fkey: reference('application_uuid', 'Application', UUID, 'Line'),
  blocklist_pkey: unique('Blocklist', UUID),
  blocklist_user_uuid_key: unique('Blocklist', ['user_uuid', 'text']),
  blocklist_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'Blocklist'),
  blocklist_user_uuid_fkey: reference('user_uuid', 'User', UUID, 'Blocklist'),
  blocklist_number_pkey: unique('BlocklistNumber', UUID),
  blocklist_number_number_blocklist_uuid_key: unique('BlocklistNumber', ['number', 'text']),
  blocklist_number_blocklist_uuid_fkey: reference('blocklist_uuid', 'Blocklist', UUID, 'BlocklistNumber'),
  external_app_pkey: unique('ExternalApp', TENANT, ['name', 'text']),
  external_app_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'ExternalApp'),
  user_external_app_pkey: unique('UserExternalApp', ['user_uuid', 'text'], ['name', 'text']),
  user_external_app_user_uuid_fkey: reference('user_uuid', 'User', UUID, 'UserExternalApp'),
  feature_extension_pkey: unique('FeatureExtension', UUID),
  feature_extension_exten_key: unique('FeatureExtension', ['exten', 'text']),
  endpoint_custom_pkey: unique('CustomEndpoint', ID),
  endpoint_custom_interface_key: unique('CustomEndpoint', ['interface', 'text']),
  endpoint_custom_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'CustomEndpoint'),
  endpoint_sccp_pkey: unique('SCCPEndpoint', ID),
  endpoint_sccp_name_key: unique('SCCPEndpoint', ['name', 'text']),
  endpoint_sccp_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'SCCPEndpoint'),
  conference_pkey: unique('Conference', ID),
  conference_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'Conference'),
  conference_max_users_check: atLeast('max_users', 0),
  conference_extension_pkey: associated('Conference', 'Extension', ['conference_id', 'int']),
  conference_extension_extension_id_key: associated('Conference', 'Extension', ['extension_id', 'int']),
  conference_extension_conference_id_fkey: reference('conference_id', 'Conference', ID, 'Extension'),
  conference_extension_extension_id_fkey: reference('extension_id', 'Extension', ID, 'Conference'),
  paging_pkey: unique('Paging', ID),
  paging_number_key: unique('Paging', ['number', 'text']),
  paging_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'Paging'),
  paging_user_pkey: associated('Paging', 'User', ['paging_id', 'int'], ['user_id', 'int']),
  paging_user_paging_id_fkey: reference('paging_id', 'Paging', ID, 'User'),
  paging_user_user_id_fkey: reference('users', 'User', ID, 'Paging'),
  parking_lot_pkey: unique('ParkingLot', ID),
  parking_lot_tenant_uuid_fkey: reference('tenant_uuid', 'Tenant', TENANT, 'ParkingLot'),
  parking_lot_timeout_check: atLeast('timeout', 0),
  parking_lot_extension_pkey: associated('ParkingLot', 'Extension', ['parking_lot_id', 'int']),
  parking_lot_extension_extension_id_key: associated('ParkingLot', 'Extension', ['extension_id', 'int']),
  parking_lot_extension_parking_lot_id_fkey: reference('parking_lot_id', 'ParkingLot', ID, 'Extension'),
  parking_lot_extension_extension_id_fkey: reference('extension_id', 'Extension', ID, 'ParkingLot'),
};
