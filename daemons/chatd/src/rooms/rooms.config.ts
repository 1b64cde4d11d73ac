/** The rooms' configuration key (`rooms:` in config.yml); not in Wazo, which bounds nothing. */
import { Type } from 'typebox';

export const RoomsConfigSchema = Type.Object(
  {
    message_max_length: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      default: 10_000,
      description:
        'Longest message content accepted, in characters (a longer one is a 400 and nothing is stored).',
    }),
  },
  { additionalProperties: false, default: {} },
);
