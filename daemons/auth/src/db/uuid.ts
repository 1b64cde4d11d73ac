// Wazo's routes only match UUIDs (`<uuid:token_uuid>`), and PostgreSQL refuses to compare a uuid
// column with anything else: a value that is not one is simply "not found", never a 400 or a 500.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
