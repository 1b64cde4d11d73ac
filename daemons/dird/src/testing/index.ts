// wazo-dird for tests (its own and other packages'): the daemon beside a real wazo-auth.
export { type Answer, call, type DirdStack, eventually, type StackOptions, startStack } from './stack.js';
