/**
 * The destination check as wazo-confd's schemas answer: a fax-to-mail application needs a real
 * e-mail address (marshmallow's Email field), and the JSON Schema given to the REST layer says so
 * too, so both paths refuse `email: "invalid"`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDestination, destinationJsonSchema } from './destination-check.js';

const faxToMail = (email: unknown) => ({ type: 'application', application: 'fax_to_mail', email });

describe('destination check', () => {
  it('when a fax-to-mail address is not an e-mail, then marshmallow\'s "Not a valid email address."', () => {
    assert.deepEqual(checkDestination(faxToMail('invalid')), {
      errors: { email: ['Not a valid email address.'] },
    });
  });

  it('when it is one, then the destination is kept as given', () => {
    assert.deepEqual(checkDestination(faxToMail('fax@example.com')), {
      destination: faxToMail('fax@example.com'),
    });
  });

  it('when the REST layer reads the schema, then the fax-to-mail e-mail has the email format', () => {
    const branch = destinationJsonSchema.allOf.find(
      (b) => JSON.stringify(b).includes('"fax_to_mail"') && JSON.stringify(b).includes('"email"'),
    ) as { then: { properties: { email: { format?: string } } } } | undefined;
    assert.equal(branch?.then.properties.email.format, 'email');
  });
});
