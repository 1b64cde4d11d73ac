import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dropPrivileges,
  type PasswdSource,
  PrivilegesError,
  type ProcessIdentity,
  ROOT_REFUSED_MESSAGE,
} from './index.js';

const passwd: PasswdSource = (name) =>
  ({
    root: 'root:x:0:0:root:/root:/bin/bash',
    'wazo-auth': 'wazo-auth:x:120:130:wazo-auth:/var/lib/wazo-auth:/bin/false',
  })[name] ?? null;

/** A strict fake of the kernel's view: records calls, and only root may change ids. */
function fakeIdentity(uid: number, options: { keepRoot?: boolean } = {}) {
  const calls: string[] = [];
  const state = { uid, gid: uid };
  const requireRoot = (what: string) => {
    if (state.uid !== 0) throw Object.assign(new Error(`EPERM ${what}`), { code: 'EPERM' });
  };
  const identity: ProcessIdentity = {
    getuid: () => state.uid,
    geteuid: () => state.uid,
    getgid: () => state.gid,
    getegid: () => state.gid,
    initgroups: (user, gid) => {
      requireRoot('initgroups');
      calls.push(`initgroups ${user} ${gid}`);
    },
    setgid: (id) => {
      requireRoot('setgid');
      calls.push(`setgid ${id}`);
      state.gid = id;
    },
    setuid: (id) => {
      requireRoot('setuid');
      calls.push(`setuid ${id}`);
      if (!options.keepRoot || id === 0) state.uid = id;
    },
  };
  return { identity, calls };
}

function recordingLogger() {
  const warnings: string[] = [];
  return {
    warnings,
    logger: { info: () => {}, warn: (_o: unknown, m?: string) => void warnings.push(String(m ?? _o)) },
  };
}

describe('dropPrivileges', () => {
  it('when root with a user, then it sets groups, gid, then uid, and checks root is gone', () => {
    const { identity, calls } = fakeIdentity(0);
    const outcome = dropPrivileges({ user: 'wazo-auth', identity, passwd });
    assert.deepEqual(outcome, {
      action: 'dropped',
      user: { name: 'wazo-auth', uid: 120, gid: 130, home: '/var/lib/wazo-auth' },
    });
    assert.deepEqual(calls, ['initgroups wazo-auth 130', 'setgid 130', 'setuid 120']);
  });

  it('when the switch leaves root reachable, then it fails with drop-failed', () => {
    const { identity } = fakeIdentity(0, { keepRoot: true });
    assert.throws(
      () => dropPrivileges({ user: 'wazo-auth', identity, passwd }),
      (err: unknown) => err instanceof PrivilegesError && err.errorId === 'drop-failed',
    );
  });

  it('when root and no user, then it refuses with the reason', () => {
    const { identity } = fakeIdentity(0);
    assert.throws(
      () => dropPrivileges({ user: null, identity, passwd }),
      (err: unknown) =>
        err instanceof PrivilegesError &&
        err.errorId === 'root-refused' &&
        err.message === ROOT_REFUSED_MESSAGE,
    );
  });

  it('when root and the user is root itself, then allow_root decides', () => {
    assert.throws(
      () => dropPrivileges({ user: 'root', identity: fakeIdentity(0).identity, passwd }),
      /refusing/,
    );
    const { identity, calls } = fakeIdentity(0);
    const { logger, warnings } = recordingLogger();
    assert.deepEqual(
      dropPrivileges({ user: 'root', allowRoot: true, identity, passwd, logger: logger as never }),
      {
        action: 'root-allowed',
      },
    );
    assert.deepEqual(calls, []);
    assert.match(warnings[0] ?? '', /running as root/);
  });

  it('when root and the user is unknown, then it fails with unknown-user', () => {
    assert.throws(
      () => dropPrivileges({ user: 'ghost', identity: fakeIdentity(0).identity, passwd }),
      (err: unknown) =>
        err instanceof PrivilegesError && err.errorId === 'unknown-user' && /"ghost"/.test(err.message),
    );
  });

  it('when not root and the configured user is the current one, then nothing happens', () => {
    const { logger, warnings } = recordingLogger();
    const outcome = dropPrivileges({
      user: 'wazo-auth',
      identity: fakeIdentity(120).identity,
      passwd,
      logger: logger as never,
    });
    assert.deepEqual(outcome, { action: 'unchanged', uid: 120 });
    assert.deepEqual(warnings, []);
  });

  it('when not root and another (or unknown) user is configured, then it warns and carries on', () => {
    for (const user of ['wazo-auth', 'ghost']) {
      const { logger, warnings } = recordingLogger();
      const outcome = dropPrivileges({
        user,
        identity: fakeIdentity(1000).identity,
        passwd,
        logger: logger as never,
      });
      assert.deepEqual(outcome, { action: 'cannot-switch', uid: 1000, wanted: user });
      assert.match(warnings[0] ?? '', /cannot switch/);
    }
  });

  it('when not root and no user, then nothing happens', () => {
    assert.deepEqual(dropPrivileges({ identity: fakeIdentity(1000).identity }), {
      action: 'unchanged',
      uid: 1000,
    });
  });

  it('when the platform has no POSIX ids, then it reports unsupported', () => {
    assert.deepEqual(dropPrivileges({ user: 'x', identity: null }), { action: 'unsupported' });
  });
});
