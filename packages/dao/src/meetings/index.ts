// Public surface of the meetings, their guests' authorizations and their events.
export {
  cleanExtension,
  createMeetingsDao,
  type MeetingsDao,
  meetingAuthorizationSearchConfig,
  meetingSearchConfig,
} from './meetings.dao.js';
export {
  MEETING_AUTHORIZATION_STATUSES,
  type Meeting,
  type MeetingAuthorization,
  type MeetingAuthorizationCreate,
  type MeetingCreate,
  type MeetingEdit,
  meetingAuthorizationCreateSchema,
  meetingAuthorizationSchema,
  meetingCreateSchema,
  meetingEditSchema,
  meetingSchema,
} from './meetings.model.js';
export { createMeetingsNotifier, type MeetingsNotifier } from './meetings.notifier.js';
export {
  createMeetingsService,
  MEETING_AUTHORIZATION_QUOTA,
  MEETING_LIFETIME_MS,
  type MeetingContext,
  type MeetingsService,
  type MeetingsServiceDeps,
} from './meetings.service.js';
