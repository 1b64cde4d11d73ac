/**
 * What every new tenant gets, as Wazo's config service makes it (reference §4.5): five sources
 * (conference, personal, wazo users, Office 365, Google), a display `auto_<name>` with eight
 * French-titled columns, and a profile `default` searching them all. The Wazo SDK assumes the
 * `default` profile.
 */

/** How the sources reach wazo-auth and wazo-confd on the stack's own host. */
const localAuth = (keyFile: string) => ({
  host: 'localhost',
  port: 9497,
  prefix: null,
  https: false,
  key_file: keyFile,
  version: '0.1',
});
const localConfd = { host: 'localhost', port: 9486, prefix: null, https: false, version: '1.1' };

export interface DefaultSource {
  backend: string;
  body: Record<string, unknown>;
}

export function defaultSources(tenantName: string): DefaultSource[] {
  return [
    {
      backend: 'conference',
      body: {
        name: `auto_conference_${tenantName}`,
        auth: localAuth('/var/lib/wazo-auth-keys/wazo-dird-conference-backend-key.yml'),
        confd: localConfd,
        format_columns: { phone: '{extensions[0]}', reverse: '{name}' },
        searched_columns: ['name', 'extensions', 'incalls'],
        first_matched_columns: ['extensions', 'incalls'],
      },
    },
    {
      backend: 'personal',
      body: {
        name: 'personal',
        format_columns: {
          phone: '{number}',
          name: '{firstname} {lastname}',
          phone_mobile: '{mobile}',
          reverse: '{firstname} {lastname}',
        },
        searched_columns: ['firstname', 'lastname', 'number', 'mobile', 'fax'],
        first_matched_columns: ['number', 'mobile'],
      },
    },
    {
      backend: 'wazo',
      body: {
        name: `auto_wazo_${tenantName}`,
        auth: localAuth('/var/lib/wazo-auth-keys/wazo-dird-wazo-backend-key.yml'),
        confd: localConfd,
        format_columns: {
          phone: '{exten}',
          name: '{firstname} {lastname}',
          reverse: '{firstname} {lastname}',
        },
        searched_columns: ['firstname', 'lastname', 'full_name', 'exten'],
        first_matched_columns: ['exten', 'mobile_phone_number'],
      },
    },
    {
      backend: 'office365',
      body: {
        name: `auto_office365_${tenantName}`,
        auth: localAuth('/var/lib/wazo-auth-keys/wazo-dird-wazo-backend-key.yml'),
        endpoint: 'https://graph.microsoft.com/v1.0/me/contacts',
        format_columns: {
          name: '{givenName} {surname}',
          phone_mobile: '{mobilePhone}',
          reverse: '{givenName} {surname}',
          phone: '{numbers_except_label[mobilePhone][0]}',
        },
        searched_columns: ['givenName', 'surname', 'businessPhones', 'homePhones', 'mobilePhone'],
        first_matched_columns: ['businessPhones', 'mobilePhone', 'homePhones'],
      },
    },
    {
      backend: 'google',
      body: {
        name: `auto_google_${tenantName}`,
        auth: localAuth('/var/lib/wazo-auth-keys/wazo-dird-wazo-backend-key.yml'),
        format_columns: {
          phone_mobile: '{numbers_by_label[mobile]}',
          reverse: '{name}',
          phone: '{numbers_except_label[mobile][0]}',
        },
        searched_columns: ['name', 'numbers', 'familyName', 'givenName'],
        first_matched_columns: ['numbers'],
      },
    },
  ];
}

export const DEFAULT_DISPLAY_COLUMNS = [
  { field: 'name', title: 'Nom', type: 'name' },
  { field: 'firstname', title: 'Prénom', type: 'firstname' },
  { field: 'lastname', title: 'Nom de famille', type: 'lastname' },
  { field: 'phone', title: 'Numéro', type: 'number', number_display: '{name}' },
  { field: 'phone_mobile', title: 'Mobile', type: 'number', number_display: '{name} (mobile)' },
  { field: 'voicemail', title: 'Boîte vocale', type: 'voicemail' },
  { field: 'favorite', title: 'Favoris', type: 'favorite' },
  { field: 'email', title: 'E-mail', type: 'email' },
];

export const DEFAULT_PROFILE_NAME = 'default';

/** The reverse service of the default profile waits half a second for its sources. */
export const DEFAULT_REVERSE_TIMEOUT = 0.5;
