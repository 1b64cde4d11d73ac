/**
 * More Asterisk sections wazo-confd edits as a whole: `confbridge.conf` [wazo_default_bridge] and
 * [wazo_default_user], `features.conf` [general], [featuremap] and [applicationmap], and
 * `queues.conf` [general]. Defaults are those of Wazo's populated and migrated database (the
 * parking options left [general] for the parking lots; `automixmon` became the applicationmap's
 * `togglerecord`).
 */
import {
  confbridgeWazoDefaultBridgeEdited,
  confbridgeWazoDefaultUserEdited,
  featuresApplicationmapEdited,
  featuresFeaturemapEdited,
  featuresGeneralEdited,
  queueGeneralEdited,
} from '@wazo-ts/bus';
import { inputError, pythonRepr } from '../errors.js';
import { optionsSection } from './asterisk.sections.js';
import type { OptionPairs } from './settings.model.js';

export const confbridgeDefaultBridgeSection = optionsSection({
  name: 'confbridge_wazo_default_bridge',
  keyLength: 255,
  defaults: [['type', 'bridge']],
  event: confbridgeWazoDefaultBridgeEdited,
});

export const confbridgeDefaultUserSection = optionsSection({
  name: 'confbridge_wazo_default_user',
  keyLength: 255,
  defaults: [
    ['type', 'user'],
    ['dsp_drop_silence', 'yes'],
    ['talk_detection_events', 'yes'],
  ],
  event: confbridgeWazoDefaultUserEdited,
});

export const queueGeneralSection = optionsSection({
  name: 'queue_general',
  keyLength: 128,
  defaults: [
    ['persistentmembers', 'yes'],
    ['autofill', 'no'],
    ['monitor-type', 'no'],
    ['updatecdr', 'no'],
    ['shared_lastcall', 'yes'],
  ],
  event: queueGeneralEdited,
});

/** The parking lots' options, refused in `features.conf` [general]. */
export const PARKING_OPTIONS = new Set([
  'comebacktoorigin',
  'context',
  'courtesytone',
  'findslot',
  'parkedcallhangup',
  'parkedcallrecording',
  'parkedcallreparking',
  'parkedcalltransfers',
  'parkeddynamic',
  'parkedmusicclass',
  'parkedplay',
  'parkext',
  'parkinghints',
  'parkingtime',
  'parkpos',
]);
const PARKING_ERROR = 'The parking options can only be defined with the parkinglots API';

/** The options function keys point at: a PUT must keep them (Wazo updates them in place). */
const requiring =
  (...keys: string[]) =>
  (pairs: OptionPairs): void => {
    const given = new Set(pairs.map(([key]) => key));
    const missing = keys.find((key) => !given.has(key));
    if (missing !== undefined)
      throw inputError(`options: ${pythonRepr([`The following option are required: ${missing}`])}`);
  };

export const featuresGeneralSection = optionsSection({
  name: 'features_general',
  keyLength: 128,
  defaults: [
    ['transferdigittimeout', '5'],
    ['pickupexten', '*8'],
    ['featuredigittimeout', '1500'],
    ['atxfernoanswertimeout', '15'],
    ['atxferdropcall', 'no'],
    ['atxferloopdelay', '10'],
    ['atxfercallbackretries', '2'],
  ],
  event: featuresGeneralEdited,
  refused: (key) => (PARKING_OPTIONS.has(key) ? PARKING_ERROR : null),
});

export const featuresFeaturemapSection = optionsSection({
  name: 'features_featuremap',
  keyLength: 128,
  defaults: [
    ['blindxfer', '*1'],
    ['disconnect', '*0'],
    ['atxfer', '*2'],
  ],
  event: featuresFeaturemapEdited,
  check: requiring('blindxfer', 'atxfer'),
});

export const featuresApplicationmapSection = optionsSection({
  name: 'features_applicationmap',
  keyLength: 128,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the dialplan's ${XIVO_AGID_IP}, kept as text
  defaults: [['togglerecord', '*3,self,AGI(agi://${XIVO_AGID_IP}/call_recording)']],
  event: featuresApplicationmapEdited,
  check: requiring('togglerecord'),
});
