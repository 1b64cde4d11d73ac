import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parsePasswdLine, resolveUser } from './index.js';
import { etcPasswd } from './users.js';

describe('resolveUser', () => {
  it('when the account exists on this system, then it gives uid, primary gid and home', () => {
    assert.deepEqual(resolveUser('root'), { name: 'root', uid: 0, gid: 0, home: '/root' });
  });

  it('when the account does not exist, then it throws unknown-user', () => {
    assert.throws(() => resolveUser('no-such-user-wazo-ts'), /unknown user "no-such-user-wazo-ts"/);
  });

  it('when a source answers for another name (prefix match), then it is not taken', () => {
    assert.throws(() => resolveUser('wazo', () => 'wazo-auth:x:1:1::/:/bin/false'), /unknown user/);
  });

  it('when reading a passwd file, then it matches whole names only', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'passwd-')), 'passwd');
    writeFileSync(
      file,
      'wazo-auth:x:120:130::/var/lib/wazo-auth:/bin/false\nwazo:x:121:131::/home/wazo:/bin/sh\n',
    );
    assert.equal(etcPasswd('wazo', file), 'wazo:x:121:131::/home/wazo:/bin/sh');
    assert.equal(etcPasswd('ghost', file), null);
  });

  it('when a line is malformed, then it is rejected', () => {
    assert.equal(parsePasswdLine('broken'), null);
    assert.equal(parsePasswdLine('a:x:notanumber:1::/:/bin/sh'), null);
    assert.deepEqual(parsePasswdLine('a:x:5:6:gecos:/home/a:/bin/sh'), {
      name: 'a',
      uid: 5,
      gid: 6,
      home: '/home/a',
    });
  });
});
