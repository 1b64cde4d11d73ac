/** Every settings section, by the name its service has in the Service API. */
import {
  hepGeneralSection,
  iaxCallNumberLimitsSection,
  iaxGeneralSection,
  pjsipGlobalSection,
  pjsipSystemSection,
  rtpGeneralSection,
  rtpIceHostCandidatesSection,
  sccpGeneralSection,
  voicemailGeneralSection,
  voicemailZoneMessagesSection,
} from './asterisk.sections.js';
import {
  confbridgeDefaultBridgeSection,
  confbridgeDefaultUserSection,
  featuresApplicationmapSection,
  featuresFeaturemapSection,
  featuresGeneralSection,
  queueGeneralSection,
} from './asterisk-more.sections.js';
import { emailSection, liveReloadSection, provisioningNetworkingSection } from './system.sections.js';
import { dhcpSection, haSection, recordingAnnouncementsSection } from './system-more.sections.js';
import { localizationSection, voicemailTranscriptionSection } from './tenant.sections.js';

export const settingsSections = {
  pjsipGlobal: pjsipGlobalSection,
  pjsipSystem: pjsipSystemSection,
  rtpGeneral: rtpGeneralSection,
  rtpIceHostCandidates: rtpIceHostCandidatesSection,
  hepGeneral: hepGeneralSection,
  sccpGeneral: sccpGeneralSection,
  iaxGeneral: iaxGeneralSection,
  iaxCallNumberLimits: iaxCallNumberLimitsSection,
  voicemailGeneral: voicemailGeneralSection,
  voicemailZoneMessages: voicemailZoneMessagesSection,
  liveReload: liveReloadSection,
  provisioningNetworking: provisioningNetworkingSection,
  email: emailSection,
  localization: localizationSection,
  voicemailTranscription: voicemailTranscriptionSection,
  confbridgeDefaultBridge: confbridgeDefaultBridgeSection,
  confbridgeDefaultUser: confbridgeDefaultUserSection,
  featuresApplicationmap: featuresApplicationmapSection,
  featuresFeaturemap: featuresFeaturemapSection,
  featuresGeneral: featuresGeneralSection,
  queueGeneral: queueGeneralSection,
  recordingAnnouncements: recordingAnnouncementsSection,
  dhcp: dhcpSection,
  ha: haSection,
};

export type SettingsSectionName = keyof typeof settingsSections;
