/**
 * The ldap backend against a real OpenLDAP server (slapd, started by the test) through dird's
 * REST API: substring lookups on the searched attributes, a reverse on the first-matched ones,
 * favorites by the unique column, a custom filter, the term escaped (no filter injection), and a
 * server that accepts connections but never answers left out within the timeout.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { seedProfile, seedSource } from '../../testing/directory-factories.js';
import { type LookupStack, startLookupStack } from '../../testing/lookup-stack.js';
import {
  SLAPD_ADMIN_DN,
  SLAPD_ADMIN_PASSWORD,
  SLAPD_BASE_DN,
  type Slapd,
  startSlapd,
} from '../../testing/slapd.js';
import { bytesLeToUuid, exactFilter, searchFilter, uuidToBytesLe } from './ldap-filters.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers read field by field
type Json = any;

const PEOPLE = [
  { uid: 'ada', givenName: 'Ada', sn: 'Lovelace', telephoneNumber: '5551001', title: 'staff' },
  { uid: 'alan', givenName: 'Alan', sn: 'Turing', telephoneNumber: '5551002', title: 'staff' },
  { uid: 'grace', givenName: 'Grace', sn: 'Hopper', telephoneNumber: '5551003', title: 'contractor' },
  { uid: 'star', givenName: 'Star*', sn: 'Paren(thesis)', telephoneNumber: '5551004', title: 'staff' },
];

describe('ldap backend on a real slapd', () => {
  let slapd: Slapd;
  let stack: LookupStack;
  let silent: Server;
  const sockets: Socket[] = [];
  let token: string;

  const lookup = async (profile: string, term: string) => {
    const res = await fetch(`${stack.api}/directories/lookup/${profile}?term=${encodeURIComponent(term)}`, {
      headers: { 'X-Auth-Token': token },
    });
    assert.equal(res.status, 200);
    return ((await res.json()) as Json).results.map((r: Json) => r.column_values[0]) as string[];
  };

  before(async () => {
    slapd = await startSlapd();
    const admin = await slapd.admin();
    for (const person of PEOPLE)
      await admin.add(`uid=${person.uid},ou=people,${SLAPD_BASE_DN}`, {
        objectClass: ['top', 'person', 'organizationalPerson', 'inetOrgPerson'],
        cn: `${person.givenName} ${person.sn}`,
        ...person,
      });
    await admin.unbind();
    silent = createServer((socket) => void sockets.push(socket));
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const silentPort = (silent.address() as { port: number }).port;

    stack = await startLookupStack();
    token = (await stack.userToken(['dird.#'])).token;
    const ldapFields = {
      ldap_uri: slapd.url,
      ldap_base_dn: `ou=people,${SLAPD_BASE_DN}`,
      ldap_username: SLAPD_ADMIN_DN,
      ldap_password: SLAPD_ADMIN_PASSWORD,
      unique_column: 'uid',
    };
    const common = {
      tenantUuid: stack.tenantUuid,
      backend: 'ldap',
      searched: ['givenName', 'sn'],
      firstMatched: ['telephoneNumber'],
      format: { name: '{givenName} {sn}', reverse: '{cn}' },
    };
    const ldap = await seedSource(stack.db, { ...common, name: 'ldap', extern: ldapFields });
    const staff = await seedSource(stack.db, {
      ...common,
      name: 'ldap-staff',
      extern: { ...ldapFields, ldap_custom_filter: '(title=staff)' },
    });
    const byQ = await seedSource(stack.db, {
      ...common,
      name: 'ldap-q',
      extern: { ...ldapFields, ldap_custom_filter: '(&(title=contractor)(cn=*%Q*))' },
    });
    const dead = await seedSource(stack.db, {
      ...common,
      name: 'ldap-silent',
      extern: {
        ...ldapFields,
        ldap_uri: `ldap://127.0.0.1:${silentPort}`,
        ldap_network_timeout: 0.2,
        ldap_timeout: 0.3,
      },
    });
    const columns = [
      { title: 'Nom', type: 'name', field: 'name' },
      { title: 'Fav', type: 'favorite' },
    ];
    await seedProfile(stack.db, {
      tenantUuid: stack.tenantUuid,
      name: 'main',
      columns,
      services: {
        lookup: { sources: [ldap.uuid, dead.uuid], timeout: 3 },
        reverse: { sources: [ldap.uuid] },
        favorites: { sources: [ldap.uuid] },
      },
    });
    await seedProfile(stack.db, {
      tenantUuid: stack.tenantUuid,
      name: 'staff',
      columns,
      services: { lookup: { sources: [staff.uuid] } },
    });
    await seedProfile(stack.db, {
      tenantUuid: stack.tenantUuid,
      name: 'q',
      columns,
      services: { lookup: { sources: [byQ.uuid] } },
    });
  });

  after(async () => {
    for (const socket of sockets) socket.destroy();
    silent?.close();
    await stack?.stop();
    await slapd?.stop();
  });

  it('when a name is searched, then the matching entries, the silent server left out within its own timeout', async () => {
    const started = Date.now();
    assert.deepEqual((await lookup('main', 'al')).sort(), ['Alan Turing']);
    assert.ok(Date.now() - started < 2500, 'the silent LDAP server did not hold the lookup');
    assert.deepEqual((await lookup('main', 'LOVE')).sort(), ['Ada Lovelace']);
  });

  it('when the term holds filter syntax, then it is searched literally, never injected', async () => {
    assert.deepEqual(await lookup('main', 'Star*'), ['Star* Paren(thesis)']);
    assert.deepEqual(await lookup('main', '*)(uid=*'), []);
    assert.deepEqual(await lookup('main', 'n(th'), ['Star* Paren(thesis)']);
  });

  it('when the source has a custom filter, then it narrows the search, with %Q taking the term', async () => {
    assert.deepEqual((await lookup('staff', 'a')).sort(), [
      'Ada Lovelace',
      'Alan Turing',
      'Star* Paren(thesis)',
    ]);
    assert.deepEqual(await lookup('q', 'hop'), ['Grace Hopper']);
    assert.deepEqual(await lookup('q', 'ada'), []);
  });

  it('when a number is reversed, then the entry holding it', async () => {
    const res = await fetch(`${stack.api}/directories/reverse/main/u?exten=5551003`, {
      headers: { 'X-Auth-Token': token },
    });
    const body = (await res.json()) as Json;
    assert.deepEqual([body.display, body.source], ['Grace Hopper', 'ldap']);
  });

  it('when an entry is a favorite, then it is read back by its unique column', async () => {
    const put = await fetch(`${stack.api}/directories/favorites/ldap/alan`, {
      method: 'PUT',
      headers: { 'X-Auth-Token': token },
    });
    assert.equal(put.status, 204);
    const res = await fetch(`${stack.api}/directories/favorites/main`, {
      headers: { 'X-Auth-Token': token },
    });
    const body = (await res.json()) as Json;
    assert.deepEqual(
      body.results.map((r: Json) => [r.column_values, r.relations.source_entry_id]),
      [[['Alan Turing', true], 'alan']],
    );
    assert.deepEqual(
      (
        (await fetch(`${stack.api}/directories/lookup/main?term=turing`, {
          headers: { 'X-Auth-Token': token },
        }).then((r) => r.json())) as Json
      ).results[0].column_values,
      ['Alan Turing', true],
    );
  });
});

describe('ldap filters', () => {
  it('when values hold filter syntax, then they are escaped', () => {
    assert.equal(searchFilter(['cn', 'sn'], 'a*)(b'), '(|(cn=*a\\2a\\29\\28b*)(sn=*a\\2a\\29\\28b*))');
    assert.equal(exactFilter(['telephoneNumber'], '12\\3', '(o=x)'), '(&(o=x)(telephoneNumber=12\\5c3))');
  });

  it('when a column is no attribute name, then it is left out', () => {
    assert.equal(searchFilter(['cn)(uid=*', 'sn'], 'x'), '(sn=*x*)');
    assert.equal(searchFilter(['bad name'], 'x'), null);
  });

  it("when a uuid goes to and from Active Directory's bytes, then it comes back the same", () => {
    const uuid = '0c9d4a1e-5b7f-4c3a-9d2e-1f0a2b3c4d5e';
    assert.equal(uuidToBytesLe(uuid).toString('hex').slice(0, 8), '1e4a9d0c');
    assert.equal(bytesLeToUuid(uuidToBytesLe(uuid)), uuid);
  });
});
