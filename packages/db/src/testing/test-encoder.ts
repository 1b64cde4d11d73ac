/** Encodes events as a publisher would, with a fixed origin, without needing a transport. */
import { type BusPublisher, encodeEvent } from '@wazo-ts/bus';

export type EventEncoder = Pick<BusPublisher, 'encode'>;

export const testEncoder: EventEncoder = {
  encode: (event, options = {}) =>
    encodeEvent(event, {
      originUuid: 'wazo-ts-test',
      ...(options.messageId ? { messageId: options.messageId } : {}),
      ...(options.headers ? { extraHeaders: options.headers } : {}),
    }),
};
