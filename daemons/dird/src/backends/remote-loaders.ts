/**
 * The backends whose entries live elsewhere (wazo-confd, a file, a web service, an LDAP server,
 * Google, Microsoft), by Wazo's name, as the lookup services load them.
 */
import { conferenceBackendLoader } from './conference/conference.backend.js';
import { csvBackendLoader } from './csv/csv.backend.js';
import { csvWsBackendLoader } from './csv_ws/csv-ws.backend.js';
import { googleBackendLoader } from './google/google.backend.js';
import { ldapBackendLoader } from './ldap/ldap.backend.js';
import { office365BackendLoader } from './office365/office365.backend.js';
import { wazoBackendLoader } from './wazo/wazo.backend.js';

export const remoteBackendLoaders = {
  wazo: wazoBackendLoader,
  conference: conferenceBackendLoader,
  csv: csvBackendLoader,
  csv_ws: csvWsBackendLoader,
  ldap: ldapBackendLoader,
  google: googleBackendLoader,
  office365: office365BackendLoader,
};
