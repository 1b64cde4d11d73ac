/**
 * The exact filters of each confd list: the columns of the resource's xivo-dao search config
 * (every column filters, `?firstname=Bob`). Declared on the list route's querystring, so a value
 * of the wrong type (`?id=abc`, `?enabled=maybe`) is refused with marshmallow's words instead of
 * reaching PostgreSQL, and booleans take Wazo's spellings (`True`, `1`, `yes`). A name not listed
 * is still accepted and ignored, as Wazo ignores parameters it does not know.
 */
import { type TSchema, Type } from '@wazo-ts/daemon/schema';

type Filters = Record<string, TSchema>;

const integer = () => Type.Optional(Type.Integer());
const boolean = () => Type.Optional(Type.Boolean());

/** Text filters for `names`, with the few typed ones given apart. */
function filters(names: readonly string[], typed: Filters = {}): Filters {
  return { ...Object.fromEntries(names.map((name) => [name, Type.Optional(Type.String())])), ...typed };
}

export const LIST_FILTERS = {
  users: filters(
    [
      'uuid',
      'firstname',
      'lastname',
      'fullname',
      'caller_id',
      'description',
      'userfield',
      'email',
      'mobile_phone_number',
      'music_on_hold',
      'outgoing_caller_id',
      'preprocess_subroutine',
      'username',
      // the main line's: its main extension and provisioning code
      'exten',
      'extension',
      'context',
      'provisioning_code',
    ],
    { id: integer(), enabled: boolean(), subscription_type: integer() },
  ),
  lines: filters(
    ['context', 'provisioning_code', 'provisioning_extension', 'protocol', 'device_id', 'name', 'exten'],
    {
      position: integer(),
      device_slot: integer(),
    },
  ),
  extensions: filters(['exten', 'context', 'type'], { id: integer() }),
  contexts: filters(['description', 'name', 'label', 'type'], { id: integer() }),
  groups: filters(['name', 'label', 'preprocess_subroutine'], { id: integer() }),
  schedules: filters(['name', 'timezone'], { id: integer() }),
} satisfies Record<string, Filters>;
