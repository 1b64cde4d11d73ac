/**
 * Line states as Wazo's chatd derives them from the telephony engine: an endpoint's device state,
 * the state of each channel on a line, and the merge of both into a line's and a user's state.
 */
import type { ChannelState, EndpointState } from '../db/schema.js';

/** What a line or a user shows: a channel state, or the endpoint's availability. */
export type LineState = 'ringing' | 'progressing' | 'holding' | 'talking' | 'available' | 'unavailable';

const AVAILABLE_DEVICE_STATES = new Set(['NOT_INUSE', 'INUSE', 'RINGING', 'RINGINUSE', 'ONHOLD']);

/** Asterisk's device state (DeviceStateChange `State`) to an endpoint state. */
export function endpointStateOf(deviceState: string): EndpointState {
  return AVAILABLE_DEVICE_STATES.has(deviceState.toUpperCase()) ? 'available' : 'unavailable';
}

const CHANNEL_STATES: Record<string, ChannelState> = {
  Ring: 'progressing',
  Ringing: 'ringing',
  Up: 'talking',
  Busy: 'talking',
};

/** Asterisk's `ChannelStateDesc` to a channel state. */
export function channelStateOf(channelStateDesc: string): ChannelState {
  return CHANNEL_STATES[channelStateDesc] ?? 'undefined';
}

/** `PJSIP/alice-0000002a` → `PJSIP/alice`: the endpoint a channel belongs to. */
export function endpointNameOfChannel(channelName: string): string {
  const dash = channelName.lastIndexOf('-');
  return dash > 0 ? channelName.slice(0, dash) : channelName;
}

const CHANNEL_PRIORITY: readonly LineState[] = ['ringing', 'progressing', 'holding', 'talking'];

/** A line: its busiest channel, else its endpoint's state (unavailable when it has none). */
export function lineStateOf(endpointState: EndpointState | null, channelStates: readonly ChannelState[]) {
  const busiest = CHANNEL_PRIORITY.find((state) => (channelStates as readonly string[]).includes(state));
  return busiest ?? endpointState ?? 'unavailable';
}

const USER_PRIORITY: readonly LineState[] = [...CHANNEL_PRIORITY, 'available'];

/** A user: the first of ringing > progressing > holding > talking > available over its lines. */
export function userLineStateOf(lineStates: readonly LineState[]): LineState {
  return USER_PRIORITY.find((state) => lineStates.includes(state)) ?? 'unavailable';
}

/**
 * The endpoint name confd's line maps to, as the engine names channels: PJSIP/<name>,
 * SCCP/<name>, or a custom endpoint's interface when the body carries it.
 */
export function endpointNameOfLine(line: {
  name?: string | null;
  endpoint_sip?: unknown;
  endpoint_sccp?: unknown;
  endpoint_custom?: unknown;
}): string | null {
  if (line.endpoint_sip && line.name) return `PJSIP/${line.name}`;
  if (line.endpoint_sccp && line.name) return `SCCP/${line.name}`;
  const custom = line.endpoint_custom as { interface?: unknown } | null | undefined;
  return typeof custom?.interface === 'string' ? custom.interface : null;
}
