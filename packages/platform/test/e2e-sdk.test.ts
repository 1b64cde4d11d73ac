/**
 * Issue #8 part 4: a real Wazo client end to end. The platform runs as a user runs it (`npm
 * start`'s entry in a child process, fresh data folder, free ports), and unpatched @wazo/sdk
 * 0.44.7 talks to its HTTPS gateway: log in, authenticate, read its user from confd, open the
 * websocket, and receive the `user_edited` event an admin's confd change causes. The distributed
 * test (deploy/test) runs the same flow against separate daemon processes.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runSdkFlow, type SdkFlowResult } from '@wazo-ts/platform/testing';
import { type PlatformProcess, startPlatformProcess } from './support/platform-process.js';

describe('@wazo/sdk end to end against the all-in-one platform', { timeout: 600_000 }, () => {
  let dataDir: string;
  let platform: PlatformProcess;
  let result: SdkFlowResult;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wazo-platform-e2e-'));
    platform = await startPlatformProcess({ dataDir });
    result = await runSdkFlow(
      {
        gateway: platform.gateway,
        server: platform.server,
        certificate: platform.certificate,
        admin: await platform.admin(),
      },
      'alice-e2e',
    );
  });
  after(async () => {
    const code = await platform?.stop('SIGINT');
    assert.equal(code, 0, platform?.output());
    await rm(dataDir, { recursive: true, force: true });
  });

  it('when the user logs in through the gateway, then the session is its own, in its tenant', () => {
    assert.equal(result.login.uuid, result.userUuid);
    assert.equal(result.login.tenantUuid, result.tenantUuid);
  });

  it('when authenticate reads the token back, then it is the same session', () => {
    assert.equal(result.authenticated.uuid, result.userUuid);
    assert.equal(result.authenticated.sameToken, true);
  });

  it("when the SDK reads its lines' SIP settings, then the profile's sipLines hold the username, password and WebRTC of the merged endpoint", () => {
    assert.deepEqual(result.sipLines, [{ username: 'alice-e2e-sip', secret: 'sip-secret', webrtc: true }]);
  });

  it('when the SDK reads its user from confd, then it gets the user confd created', () => {
    assert.deepEqual(result.user, { uuid: result.userUuid, firstName: 'Alice', lastName: 'Softphone' });
  });

  it('when an admin edits the user in confd, then the SDK receives user_edited over the websocket', () => {
    assert.equal(result.editStatus, 204);
    assert.equal(result.event.name, 'user_edited');
    assert.equal(result.event.data.uuid, result.userUuid);
    assert.equal(result.event.data.tenant_uuid, result.tenantUuid);
  });
});
