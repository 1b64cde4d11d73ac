import { WazoError } from '@wazo-ts/errors';

export type PrivilegesErrorId = 'unknown-user' | 'root-refused' | 'drop-failed';

/** A daemon that cannot settle its identity must not start: the lifecycle logs this and exits 1. */
export class PrivilegesError extends WazoError {
  constructor(errorId: PrivilegesErrorId, message: string, details: Record<string, unknown> = {}) {
    super('internal', message, { errorId, details, retryable: false });
  }
}
