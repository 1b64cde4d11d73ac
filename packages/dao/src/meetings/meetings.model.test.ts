import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanExtension } from './meetings.dao.js';
import { isoDateTime, sipAuthorizationOf } from './meetings.model.js';

describe('meeting answers', () => {
  it("when a feature extension's pattern is cleaned, then its prefix as xivo's clean_extension", () => {
    assert.equal(cleanExtension('_*41.'), '*41');
    assert.equal(cleanExtension('_*735XX'), '*735');
    assert.equal(cleanExtension('*41'), '*41');
  });

  it('when a SIP endpoint has a username and a password, then base64 of both; else null', () => {
    assert.equal(
      sipAuthorizationOf([
        ['username', 'u'],
        ['password', 'p'],
      ]),
      Buffer.from('u:p').toString('base64'),
    );
    assert.equal(sipAuthorizationOf([['username', 'u']]), null);
    assert.equal(sipAuthorizationOf(null), null);
  });

  it("when a date is shown, then Python's isoformat of an aware UTC datetime", () => {
    assert.equal(isoDateTime(new Date('2021-12-06T18:55:58.961Z')), '2021-12-06T18:55:58.961000+00:00');
  });
});
