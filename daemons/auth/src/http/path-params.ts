/** The params schema of a path: each named segment a string, all required. */
import { Type } from '@wazo-ts/daemon/schema';

export function pathParams<const K extends readonly string[]>(
  names: K,
  options: { minLength?: number } = {},
) {
  const properties = Object.fromEntries(names.map((name) => [name, Type.String(options)]));
  return Type.Object(properties as { [P in K[number]]: ReturnType<typeof Type.String> });
}
