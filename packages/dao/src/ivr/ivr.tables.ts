/** Tables of the IVRs, their destinations and choices, as Kysely types. Only their daos query them. */
import type { Generated, JSONColumnType } from 'kysely';
import type { Destination } from '../schedules/destination.js';
import type { IvrEvent } from './ivr.model.js';

export interface IvrTable {
  id: Generated<number>;
  tenant_uuid: string;
  name: string;
  greeting_sound: string | null;
  menu_sound: string;
  invalid_sound: string | null;
  abort_sound: string | null;
  timeout: number;
  max_tries: number;
  description: string | null;
}

export interface IvrDialactionTable {
  ivr_id: number;
  event: IvrEvent;
  destination: JSONColumnType<Destination>;
}

export interface IvrChoiceTable {
  id: Generated<number>;
  ivr_id: number;
  exten: string;
  /** The choice's place in the IVR's list, as given. */
  position: number;
}

export interface IvrChoiceDestinationTable {
  ivr_choice_id: number;
  destination: JSONColumnType<Destination>;
}

export interface IvrTables {
  ivr: IvrTable;
  ivr_dialaction: IvrDialactionTable;
  ivr_choice: IvrChoiceTable;
  ivr_choice_destination: IvrChoiceDestinationTable;
}
