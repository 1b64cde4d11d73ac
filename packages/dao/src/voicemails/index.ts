// Public surface of the voicemails resource.
export { createVoicemailsDao, type VoicemailsDao, voicemailSearchConfig } from './voicemails.dao.js';
export {
  VOICEMAIL_ACCESSTYPES,
  type Voicemail,
  type VoicemailCreate,
  type VoicemailEdit,
  type VoicemailUser,
  voicemailCreateSchema,
  voicemailEditSchema,
  voicemailSchema,
  voicemailUserSchema,
} from './voicemails.model.js';
export { createVoicemailsNotifier, type VoicemailsNotifier } from './voicemails.notifier.js';
export {
  createVoicemailsService,
  type VoicemailsService,
  type VoicemailsServiceDeps,
} from './voicemails.service.js';
export {
  createVoicemailsValidator,
  type VoicemailsValidator,
  type VoicemailsValidatorDeps,
} from './voicemails.validator.js';
