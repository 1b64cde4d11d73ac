// Public surface of the user ↔ voicemail link: its declaration on the generic link shape (links/).
import type { UserRef } from '../group-members/user-ref.js';
import type { LinkService } from '../links/index.js';
import type { Voicemail } from '../voicemails/voicemails.model.js';
import type { VoicemailOwner, VoicemailSummary } from './user-voicemails.link.js';

export {
  userVoicemailLink,
  userVoicemailRules,
  type VoicemailOwner,
  type VoicemailSummary,
} from './user-voicemails.link.js';
export type UserVoicemailsService = LinkService<UserRef, Voicemail, VoicemailOwner, VoicemailSummary, number>;
