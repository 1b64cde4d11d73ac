export { userVoicemailsPlugin } from './user-voicemails.routes.js';
export { voicemailsPlugin } from './voicemails.routes.js';
