/**
 * The directory backends wazo-dird can load a source with, by Wazo's name. One line per backend
 * (`name: backend,`), each importing its own module; the configuration API knows every backend's
 * fields already (./schemas.ts), so a source can be configured before its backend is loaded.
 */
import type { Backend } from './backend.js';

export const BACKENDS: Record<string, Backend> = {
  // wazo, conference, csv, csv_ws, ldap, google, office365: src/backends/<name>/ (lookup work)
  // personal, phonebook: src/backends/<name>/ (contacts work)
};
