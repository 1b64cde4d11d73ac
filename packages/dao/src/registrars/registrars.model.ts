/**
 * A registrar as wazo-confd shows it: the SIP registrar and proxies (main, backup, outbound) a
 * phone is provisioned with. `id` may be chosen at creation (random otherwise); `deletable` is
 * only a flag. Hosts are free text, ports integers or null.
 */
import { linked, nullable, type Static, Type } from '../schema.js';

const port = () => nullable(Type.Integer());
const host = () => nullable(Type.String());

const optionalFields = {
  name: Type.Optional(host()),
  main_port: Type.Optional(port()),
  backup_host: Type.Optional(host()),
  backup_port: Type.Optional(port()),
  proxy_main_port: Type.Optional(port()),
  proxy_backup_host: Type.Optional(host()),
  proxy_backup_port: Type.Optional(port()),
  outbound_proxy_host: Type.Optional(host()),
  outbound_proxy_port: Type.Optional(port()),
};

export const registrarCreateSchema = Type.Object({
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  deletable: Type.Optional(Type.Boolean()),
  main_host: Type.String(),
  proxy_main_host: Type.String(),
  ...optionalFields,
});

/** A PUT changes the fields it names (Wazo's partial load). */
export const registrarEditSchema = Type.Object({
  deletable: Type.Optional(Type.Boolean()),
  main_host: Type.Optional(Type.String()),
  proxy_main_host: Type.Optional(Type.String()),
  ...optionalFields,
});

export const registrarSchema = linked('registrars', {
  id: Type.String(),
  deletable: Type.Boolean(),
  name: host(),
  main_host: Type.String(),
  main_port: port(),
  backup_host: host(),
  backup_port: port(),
  proxy_main_host: Type.String(),
  proxy_main_port: port(),
  proxy_backup_host: host(),
  proxy_backup_port: port(),
  outbound_proxy_host: host(),
  outbound_proxy_port: port(),
});

export type RegistrarCreate = Static<typeof registrarCreateSchema>;
export type RegistrarEdit = Static<typeof registrarEditSchema>;
export type Registrar = Static<typeof registrarSchema>;
