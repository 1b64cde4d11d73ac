/**
 * A settings section: one document read and replaced as a whole, for the whole system
 * (`/asterisk/pjsip/global`, `/emails`) or per tenant (`/localization`). A section is declared
 * as data: its storage name, Wazo's defaults, how a PUT's body becomes the stored document, how
 * the document is shown, and the events a change announces. The generic dao, service and
 * notifier do the rest.
 */
import type { BusEvent } from '@wazo-ts/bus';
import type { Tx } from '../db/unit-of-work.js';

export interface SettingsSection<D = unknown, B = unknown, A = unknown> {
  /** Storage name, unique among sections (`pjsip_global`). */
  name: string;
  /** One document per tenant, or one for the system. */
  perTenant: boolean;
  /** The document before any PUT, as Wazo's database is populated. */
  defaults: D;
  /**
   * The document a PUT leaves. `body` already passed the route's schema; `current` is the stored
   * document (a partial PUT keeps what it does not name). Throws Wazo's Input Errors.
   */
  replace(body: B, current: D): D;
  /** The answer of a GET. */
  show(document: D, tenantUuid: string): A;
  /** The events announcing a change (after commit, through the outbox). */
  events(document: D, tenantUuid: string): BusEvent[];
  /**
   * What a change does elsewhere, in the same unit of work, before the section's events (the high
   * availability's address written into the registrars). Most sections have none.
   */
  effects?(tx: Tx, document: D, previous: D): Promise<void>;
}

/** Declares a section with its types checked together; the result is held as a plain section. */
export const defineSection = <D, B, A>(section: SettingsSection<D, B, A>): SettingsSection<D, B, A> =>
  section;
