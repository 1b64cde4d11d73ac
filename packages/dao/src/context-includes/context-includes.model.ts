/**
 * Context includes (Wazo's `context_context` plugin): the contexts a context includes in its
 * dialplan, replaced as a whole by `PUT /contexts/{id}/contexts`.
 */
export interface ContextIncludeInput {
  id: number;
}

/** `PUT /contexts/{id}/contexts` body: the included contexts by id, in order. */
export const contextIncludesSchema = {
  type: 'object',
  required: ['contexts'],
  properties: {
    contexts: {
      type: 'array',
      items: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
    },
  },
} as const;
