// Public surface of the sound categories' events (the categories themselves are folders).
export { createSoundsNotifier, type SoundsNotifier } from './sounds.notifier.js';
export { createSoundsService, type SoundsService, type SoundsServiceDeps } from './sounds.service.js';
