/** Tables of the registrars resource, as Kysely types. Only the registrars dao queries them. */
import type { Registrar } from './registrars.model.js';

export interface RegistrarTables {
  registrar: Registrar;
}
