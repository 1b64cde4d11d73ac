export { ingressHttpPlugin } from './ingress-http.routes.js';
export { meetingAuthorizationsPlugin } from './meeting-authorizations.routes.js';
export { MEETING_PURGE_INTERVAL_MS, meetingsPlugin } from './meetings.routes.js';
