// Start-up seeding of wazo-auth's database: master tenant, master policy, all-users groups.
export { allTenantUuids, ensureMasterPolicy, ensureMasterTenant, MASTER_POLICY_SLUG } from './seed.dao.js';
export { type SeedResult, seedAuthDatabase } from './seed.js';
