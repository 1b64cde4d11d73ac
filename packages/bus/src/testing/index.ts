// Test helpers of @wazo-ts/bus. Throwaway PostgreSQL databases live in @wazo-ts/test-postgres
// (re-exported by @wazo-ts/db/testing): the bus sits below the database toolkit.
export { closeAmqpConnection } from './rabbitmq.js';
