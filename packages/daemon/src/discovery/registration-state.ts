/** What the registration loop knows about itself, and how it shows in GET /status. */
import type { Logger } from 'pino';
import type { ComponentStatus } from '../status/status.js';
import type { Clock } from './clock.js';

export type DiscoveryLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

export type RegistrationPhase =
  | 'idle'
  | 'waiting-ready'
  | 'registering'
  | 'registered'
  | 'stopping'
  | 'stopped';

export interface RegistrationState {
  started(serviceId: string): void;
  phase(phase: RegistrationPhase): void;
  registered(): void;
  passed(): void;
  /** The agent no longer knows the service: register again on the next round. */
  forgotten(): void;
  failed(err: unknown): void;
  isRegistered(): boolean;
  everRegistered(): boolean;
  serviceId(): string | null;
  report(): ComponentStatus;
}

export function createRegistrationState(enabled: boolean, clock: Clock): RegistrationState {
  let phase: RegistrationPhase = 'idle';
  let serviceId: string | null = null;
  let isRegistered = false;
  let everRegistered = false;
  let lastPass: number | null = null;
  let lastError: string | null = null;
  let registrations = 0;
  return {
    started(id) {
      serviceId = id;
      phase = 'registering';
    },
    phase(next) {
      phase = next;
      if (next === 'stopping' || next === 'stopped') isRegistered = false;
    },
    registered() {
      isRegistered = everRegistered = true;
      registrations++;
      phase = 'registered';
    },
    passed() {
      lastPass = clock.now();
      lastError = null;
    },
    forgotten() {
      isRegistered = false;
      phase = 'registering';
    },
    failed(err) {
      lastError = err instanceof Error ? err.message : String(err);
    },
    isRegistered: () => isRegistered,
    everRegistered: () => everRegistered,
    serviceId: () => serviceId,
    report() {
      if (!enabled) return { status: 'ok', enabled: false };
      // A failing Consul does not stop the daemon serving, but operators should see it.
      return {
        status: lastError ? 'fail' : 'ok',
        enabled: true,
        phase,
        registered: isRegistered,
        service_id: serviceId,
        registrations,
        last_pass: lastPass === null ? null : new Date(lastPass).toISOString(),
        ...(lastError ? { reason: lastError } : {}),
      };
    },
  };
}
