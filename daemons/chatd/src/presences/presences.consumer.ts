/**
 * The other daemons' events chatd keeps presences from, each turned into one call on the presence
 * sources (held until the start-up synchronization is done). The telephony engine's events are
 * the AMI events wazo-amid relays on the bus, by their AMI names: none arrive until an engine
 * runs, but the subscriptions and the state model are ready for it.
 */
import {
  authRefreshTokenCreated,
  authRefreshTokenDeleted,
  authSessionCreated,
  authSessionDeleted,
  authTenantAdded,
  authTenantDeleted,
  type BusConsumer,
  lineDeleted,
  lineEdited,
  userCreated,
  userDeleted,
  userEdited,
  userLineAssociated,
  userLineDissociated,
  usersServicesDndUpdated,
} from '@wazo-ts/bus';
import type { Initialization } from './initialization.js';
import { channelStateOf, endpointNameOfLine, endpointStateOf } from './line-state.js';
import type { PresenceSources } from './presence-sources.service.js';

type AmiEvent = Record<string, string | undefined>;

/** A line's endpoint name from confd's line_edited body (protocol and name only). */
function endpointOfEditedLine(line: { name: string; protocol?: string }): string | null {
  if (line.protocol === 'sip') return `PJSIP/${line.name}`;
  if (line.protocol === 'sccp') return `SCCP/${line.name}`;
  return null;
}

export async function subscribePresenceSources(
  consumer: BusConsumer,
  sources: PresenceSources,
  initialization: Pick<Initialization, 'whenReady'>,
): Promise<void> {
  const held = (work: () => Promise<unknown>) => initialization.whenReady(async () => void (await work()));

  await consumer.subscribe(authTenantAdded, (e) => held(() => sources.tenantAdded(e.data.uuid)));
  await consumer.subscribe(authTenantDeleted, (e) => held(() => sources.tenantDeleted(e.data.uuid)));
  await consumer.subscribe(userCreated, (e) => held(() => sources.userCreated(e.data)));
  await consumer.subscribe(userEdited, (e) => held(() => sources.userCreated(e.data)));
  await consumer.subscribe(userDeleted, (e) => held(() => sources.userDeleted(e.data.uuid)));
  await consumer.subscribe(authSessionCreated, (e) => held(() => sources.sessionCreated(e.data)));
  await consumer.subscribe(authSessionDeleted, (e) => held(() => sources.sessionDeleted(e.data)));
  await consumer.subscribe(authRefreshTokenCreated, (e) => held(() => sources.refreshTokenCreated(e.data)));
  await consumer.subscribe(authRefreshTokenDeleted, (e) => held(() => sources.refreshTokenDeleted(e.data)));
  await consumer.subscribe(userLineAssociated, (e) =>
    held(() =>
      sources.lineAssociated({
        lineId: e.data.line.id,
        userUuid: e.data.user.uuid,
        tenantUuid: e.data.user.tenant_uuid,
        endpointName: endpointNameOfLine(e.data.line),
      }),
    ),
  );
  await consumer.subscribe(userLineDissociated, (e) =>
    held(() => sources.lineDissociated(e.data.line.id, e.data.user.uuid)),
  );
  await consumer.subscribe(lineEdited, (e) =>
    held(() => sources.lineEdited(e.data.id, endpointOfEditedLine(e.data))),
  );
  await consumer.subscribe(lineDeleted, (e) => held(() => sources.lineDeleted(e.data.id)));
  await consumer.subscribe(usersServicesDndUpdated, (e) =>
    held(() => sources.dndUpdated(e.data.user_uuid, e.data.enabled)),
  );

  const ami = (name: string, apply: (event: AmiEvent) => Promise<unknown> | undefined) =>
    consumer.subscribe(name, (e) => held(async () => apply(e.data as AmiEvent)));
  await ami('DeviceStateChange', ({ Device, State }) =>
    Device && State ? sources.endpointStateChanged(Device, endpointStateOf(State)) : undefined,
  );
  for (const name of ['Newchannel', 'Newstate', 'Unhold'])
    await ami(name, ({ Channel, ChannelStateDesc }) =>
      Channel ? sources.channelStateChanged(Channel, channelStateOf(ChannelStateDesc ?? '')) : undefined,
    );
  await ami('Hold', ({ Channel }) => (Channel ? sources.channelStateChanged(Channel, 'holding') : undefined));
  await ami('Hangup', ({ Channel }) => (Channel ? sources.channelEnded(Channel) : undefined));
}
