// Public surface of the phone numbers resource (a tenant's numbers, its main number) and its events.
export { createPhoneNumbersDao, type PhoneNumbersDao, phoneNumberSearchConfig } from './phone-numbers.dao.js';
export {
  MAX_PHONE_NUMBER_RANGE_SIZE,
  type PhoneNumber,
  type PhoneNumberCreate,
  type PhoneNumberEdit,
  type PhoneNumberMain,
  type PhoneNumberRange,
  type PhoneNumberRangeAnswer,
  type PhoneNumberRangeResult,
  phoneNumberCreateSchema,
  phoneNumberEditSchema,
  phoneNumberMainSchema,
  phoneNumberRangeAnswerSchema,
  phoneNumberRangeSchema,
  phoneNumberSchema,
} from './phone-numbers.model.js';
export { createPhoneNumbersNotifier, type PhoneNumbersNotifier } from './phone-numbers.notifier.js';
export { createPhoneNumbersService, type PhoneNumbersService } from './phone-numbers.service.js';
export { createPhoneNumbersValidator, type PhoneNumbersValidator } from './phone-numbers.validator.js';
