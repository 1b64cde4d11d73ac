// Public surface of the conferences resource and its events.
export { type ConferencesDao, conferenceSearchConfig, createConferencesDao } from './conferences.dao.js';
export {
  type Conference,
  type ConferenceInput,
  conferenceInputSchema,
  conferenceSchema,
  type OwnedExtension,
  ownedExtensionSchema,
} from './conferences.model.js';
export {
  type ConferencesNotifier,
  createConferenceExtensionsNotifier,
  createConferencesNotifier,
} from './conferences.notifier.js';
export {
  type ConferencesService,
  type ConferencesServiceDeps,
  createConferencesService,
} from './conferences.service.js';
export { validateConferenceExtension } from './conferences.validator.js';
