import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ipv4, ipv6 } from './fixtures/helpers.js';
import { resolveAdvertiseAddress } from './index.js';

const auto = (iface = 'eth0') => ({ advertise_address: 'auto', advertise_address_interface: iface });

describe('advertise address', () => {
  it('when an address is configured, then it is used as is', () => {
    assert.equal(
      resolveAdvertiseAddress({ advertise_address: 'auth.example', advertise_address_interface: 'eth0' }, {}),
      'auth.example',
    );
  });

  it('when auto, then the first IPv4 of the configured interface wins', () => {
    const interfaces = { ens3: [ipv4('10.0.0.5')], wg0: [ipv6('fe80::1'), ipv4('192.168.7.2')] };
    assert.equal(resolveAdvertiseAddress(auto('wg0'), interfaces), '192.168.7.2');
  });

  it('when auto and that interface is missing, then the first eth*/en* IPv4, else loopback', () => {
    assert.equal(
      resolveAdvertiseAddress(auto(), {
        lo: [ipv4('127.0.0.1', true)],
        docker0: [ipv4('172.17.0.1')],
        enp0s3: [ipv6('fe80::2'), ipv4('10.0.0.9')],
      }),
      '10.0.0.9',
    );
    assert.equal(
      resolveAdvertiseAddress(auto(), { lo: [ipv4('127.0.0.1', true)], docker0: [ipv4('172.17.0.1')] }),
      '127.0.0.1',
    );
    assert.equal(resolveAdvertiseAddress(auto(), {}), '127.0.0.1');
  });
});
