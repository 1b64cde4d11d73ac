// wazo-dird for tests (its own and other packages'): the daemon beside a real wazo-auth.

export { contactsDao } from '../contacts/contacts.dao.js';
export { seedProfile, seedSource } from './directory-factories.js';
export { type LookupStack, startLookupStack } from './lookup-stack.js';
export { type Answer, call, type DirdStack, eventually, type StackOptions, startStack } from './stack.js';
