/**
 * The directory backends wazo-dird can load a source with, by Wazo's name. One line per backend
 * (`name: backend,`), each importing its own module; the configuration API knows every backend's
 * fields already (./schemas.ts), so a source can be configured before its backend is loaded.
 */
import type { Backend } from './backend.js';
import { conferenceBackend } from './conference/conference.backend.js';
import { csvBackend } from './csv/csv.backend.js';
import { csvWsBackend } from './csv_ws/csv-ws.backend.js';
import { googleBackend } from './google/google.backend.js';
import { ldapBackend } from './ldap/ldap.backend.js';
import { office365Backend } from './office365/office365.backend.js';
import { personalBackend } from './personal/personal.backend.js';
import { phonebookBackend } from './phonebook/phonebook.backend.js';
import { wazoBackend } from './wazo/wazo.backend.js';

export const BACKENDS: Record<string, Backend> = {
  // wazo, conference, csv, csv_ws, ldap, google, office365: src/backends/<name>/ (lookup work)
  // personal, phonebook: src/backends/<name>/ (contacts work)
  wazo: wazoBackend,
  conference: conferenceBackend,
  csv: csvBackend,
  csv_ws: csvWsBackend,
  ldap: ldapBackend,
  google: googleBackend,
  office365: office365Backend,
  personal: personalBackend,
  phonebook: phonebookBackend,
};
