/**
 * Checks what the sync hands over before it reaches the mirror. Tenants come from wazo-auth, so
 * this only guards the shape (a bad uuid or slug here is a bug upstream, better refused loudly).
 */
import { isUuid } from '@wazo-ts/db';
import { inputError } from '../errors.js';
import { TENANT_SLUG_PATTERN, type TenantEnsure } from './tenants.model.js';

const slugFormat = new RegExp(TENANT_SLUG_PATTERN);

export function createTenantsValidator() {
  return {
    validateEnsure(input: TenantEnsure): void {
      if (!isUuid(input.uuid)) {
        throw inputError("uuid: ['Not a valid UUID.']", { field: 'uuid' });
      }
      if (input.slug && !slugFormat.test(input.slug)) {
        throw inputError("slug: ['String does not match expected pattern.']", { field: 'slug' });
      }
      if (input.name && input.name.length > 128) {
        throw inputError("name: ['Longer than maximum length 128.']", { field: 'name' });
      }
    },
  };
}

export type TenantsValidator = ReturnType<typeof createTenantsValidator>;
