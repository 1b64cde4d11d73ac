/**
 * Context includes (Wazo's `context_context` plugin): the contexts a context includes in its
 * dialplan, replaced as a whole by `PUT /contexts/{id}/contexts`.
 */
import { type Static, Type } from '../schema.js';

const includeSchema = Type.Object({ id: Type.Integer() });
export type ContextIncludeInput = Static<typeof includeSchema>;

/** `PUT /contexts/{id}/contexts`: the included contexts, in order. */
export const contextIncludesSchema = Type.Object({ contexts: Type.Array(includeSchema) });
