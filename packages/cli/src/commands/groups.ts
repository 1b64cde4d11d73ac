/** `wazo group ...`: wazo-confd's /groups (ring groups), with `member` for their users. */
import { type ResourceSpec, resourceCommand } from './crud.js';
import { memberCommand } from './members.js';
import type { Io } from './runtime.js';

const spec: ResourceSpec = {
  noun: 'group',
  service: 'confd',
  path: '/groups',
  idLabel: 'group id or uuid',
  columns: [
    'id',
    'uuid',
    'label',
    'ring_strategy',
    'timeout',
    'enabled',
    {
      name: 'members',
      value: (g) => (g as { members?: { users?: unknown[] } }).members?.users?.length ?? '',
    },
  ],
  recurse: true,
  fields: [
    { key: 'label', description: 'display name (required on create)' },
    {
      key: 'ring_strategy',
      description: 'all, random, least_recent, linear, fewest_calls, memorized_round_robin or weight_random',
      value: 'strategy',
    },
    { key: 'timeout', description: 'seconds before the fallback', type: 'int' },
    { key: 'user_timeout', description: 'seconds each member rings', type: 'int' },
    { key: 'retry_delay', description: 'seconds between rounds', type: 'int' },
    { key: 'max_calls', description: 'waiting calls at most (0: no limit)', type: 'int' },
    { key: 'music_on_hold', description: 'music on hold category', value: 'name' },
    { key: 'caller_id_mode', description: 'prepend, overwrite or append', value: 'mode' },
    { key: 'caller_id_name', description: 'caller id name', value: 'name' },
    { key: 'preprocess_subroutine', description: 'dialplan subroutine', value: 'name' },
    { key: 'ring_in_use', description: 'ring members already on a call', type: 'bool' },
    { key: 'ignore_forward', description: "ignore members' forwards", type: 'bool' },
    { key: 'mark_answered_elsewhere', description: 'true or false', type: 'bool' },
    { key: 'dtmf_record_toggle', description: 'true or false', type: 'bool' },
    { key: 'enabled', description: 'true or false', type: 'bool' },
  ],
};

export const groupCommand = (io: Io) =>
  resourceCommand(io, spec, 'ring groups (wazo-confd)').addCommand(memberCommand(io));
