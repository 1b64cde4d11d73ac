/**
 * The configuration API on a real wazo-dird beside a real wazo-auth (PostgreSQL, in-process
 * bus): sources of every backend, displays and profiles, with Wazo's fields, defaults, codes,
 * ACLs and tenants; bad input is refused with a 400 that changes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Answer, call, type DirdStack, eventually, startStack } from '../src/testing/index.js';

let stack: DirdStack;
let admin: string;
let master: string;

before(async () => {
  stack = await startStack();
  // Seeing sub-tenants (recurse) needs wazo-auth's tenant list, as in Wazo.
  admin = await stack.tokenFor(['dird.#', 'auth.tenants.read']);
  master = stack.auth.masterTenantUuid;
  // The master tenant existed before dird started: the resync provisions it.
  await eventually(async () => (await call(stack, admin, 'GET', '/profiles')).body?.total === 1);
});
after(async () => stack?.stop());

const ok = (answer: Answer, status: number) => {
  assert.equal(answer.status, status, JSON.stringify(answer.body));
  return answer.body;
};

describe('configuration API', () => {
  it('when dird starts, then the existing master tenant has the default profile over its five sources', async () => {
    const profiles = ok(await call(stack, admin, 'GET', '/profiles'), 200);
    const profile = profiles.items[0];
    assert.equal(profile.name, 'default');
    assert.equal(profile.tenant_uuid, master);
    assert.equal(profile.services.lookup.sources.length, 5);
    assert.deepEqual(profile.services.reverse.options, { timeout: 0.5 });
    const sources = ok(await call(stack, admin, 'GET', '/sources?order=backend'), 200);
    assert.deepEqual(
      sources.items.map((s: { backend: string }) => s.backend),
      ['conference', 'google', 'office365', 'personal', 'wazo'],
    );
    const display = ok(await call(stack, admin, 'GET', `/displays/${profile.display.uuid}`), 200);
    assert.equal(display.columns.length, 8);
    assert.deepEqual(display.columns[4], {
      field: 'phone_mobile',
      title: 'Mobile',
      type: 'number',
      default: null,
      number_display: '{name} (mobile)',
    });
  });
});

/** Every row of dird's configuration tables, to prove a refused request changed nothing. */
async function snapshot(): Promise<string> {
  const tables = ['dird_tenant', 'dird_source', 'dird_display', 'dird_display_column', 'dird_profile'];
  const rows = [];
  for (const table of tables)
    rows.push((await stack.database.pool.query(`SELECT * FROM ${table} ORDER BY 1, 2`)).rows);
  rows.push(
    (await stack.database.pool.query('SELECT * FROM dird_profile_service_source ORDER BY 1, 2, 3')).rows,
  );
  return JSON.stringify(rows);
}

const csvBody = (name: string) => ({ name, file: '/tmp/contacts.csv', searched_columns: ['firstname'] });

describe('sources', () => {
  it('when a csv source is created, then it is answered 200 with Wazo’s defaults and can be read, replaced and deleted', async () => {
    const created = ok(await call(stack, admin, 'POST', '/backends/csv/sources', csvBody('csv-crud')), 200);
    assert.equal(created.tenant_uuid, master);
    assert.equal(created.separator, ',');
    assert.equal(created.unique_column, null);
    assert.deepEqual(created.first_matched_columns, []);
    assert.deepEqual(created.format_columns, {});
    assert.deepEqual(
      ok(await call(stack, admin, 'GET', `/backends/csv/sources/${created.uuid}`), 200),
      created,
    );

    const replaced = {
      ...csvBody('csv-crud-renamed'),
      separator: ';',
      format_columns: { name: '{firstname}' },
    };
    ok(await call(stack, admin, 'PUT', `/backends/csv/sources/${created.uuid}`, replaced), 204);
    const read = ok(await call(stack, admin, 'GET', `/backends/csv/sources/${created.uuid}`), 200);
    assert.equal(read.name, 'csv-crud-renamed');
    assert.equal(read.separator, ';');
    assert.deepEqual(read.format_columns, { name: '{firstname}' });

    // Another backend's route does not see it.
    ok(await call(stack, admin, 'GET', `/backends/ldap/sources/${created.uuid}`), 404);
    ok(await call(stack, admin, 'DELETE', `/backends/csv/sources/${created.uuid}`), 204);
    const gone = ok(await call(stack, admin, 'GET', `/backends/csv/sources/${created.uuid}`), 404);
    assert.equal(gone.error_id, 'unknown-source');
    assert.deepEqual(gone.details, { uuid: created.uuid });
    ok(await call(stack, admin, 'GET', '/backends/csv/sources/not-a-uuid'), 404);
  });

  it('when every backend gets a source, then each answers its own fields', async () => {
    const auth = { key_file: '/var/lib/wazo-auth-keys/x.yml' };
    const bodies: Record<string, Record<string, unknown>> = {
      wazo: { auth },
      conference: { auth: { username: 'u', password: 'p' } },
      personal: {},
      csv: { file: '/tmp/a.csv' },
      csv_ws: { lookup_url: 'http://example.com/lookup' },
      ldap: { ldap_uri: 'ldap://example.com', ldap_base_dn: 'dc=example,dc=com' },
      google: {},
      office365: {},
    };
    for (const [backend, fields] of Object.entries(bodies)) {
      const created = ok(
        await call(stack, admin, 'POST', `/backends/${backend}/sources`, {
          name: `every-${backend}`,
          ...fields,
        }),
        200,
      );
      const read = ok(await call(stack, admin, 'GET', `/backends/${backend}/sources/${created.uuid}`), 200);
      assert.deepEqual(read, created, backend);
    }
    const wazo = ok(await call(stack, admin, 'GET', '/backends/wazo/sources?name=every-wazo'), 200).items[0];
    assert.deepEqual(wazo.confd, {
      host: 'localhost',
      port: 443,
      https: true,
      verify_certificate: true,
      prefix: '/api/confd',
      version: '1.1',
    });
    assert.equal(wazo.auth.key_file, auth.key_file);
    const ldap = ok(await call(stack, admin, 'GET', '/backends/ldap/sources?name=every-ldap'), 200).items[0];
    assert.equal(ldap.ldap_timeout, 1);
    assert.equal(ldap.ldap_network_timeout, 0.3);
    assert.equal(ldap.unique_column_format, 'string');
    const csvWs = ok(await call(stack, admin, 'GET', '/backends/csv_ws/sources?name=every-csv_ws'), 200)
      .items[0];
    assert.equal(csvWs.timeout, 10);
    assert.equal(csvWs.list_url, null);
    const office = ok(
      await call(stack, admin, 'GET', '/backends/office365/sources?name=every-office365'),
      200,
    );
    assert.equal(office.items[0].endpoint, 'https://graph.microsoft.com/v1.0/me/contacts');
  });

  it('when a phonebook source names no phonebook of the tenant, then 404 unknown-phonebook', async () => {
    const before = await snapshot();
    const answer = await call(stack, admin, 'POST', '/backends/phonebook/sources', {
      phonebook_uuid: '00000000-0000-4000-8000-000000000001',
    });
    assert.equal(ok(answer, 404).error_id, 'unknown-phonebook');
    assert.equal(await snapshot(), before);
  });

  it('when a body is invalid, then 400 names the field and nothing changes', async () => {
    const before = await snapshot();
    const invalid: [string, unknown][] = [
      ['csv', { name: 'no-file' }],
      ['csv', { name: '', file: '/tmp/a.csv' }],
      ['csv', { name: 'x', file: '/tmp/a.csv', separator: ';;' }],
      ['csv', { name: 'x', file: '/tmp/a.csv', format_columns: { a: 1 } }],
      ['csv', { name: 'x', file: '/tmp/a.csv', searched_columns: 'firstname' }],
      ['wazo', { name: 'no-credentials', auth: {} }],
      ['wazo', { name: 'both-credentials', auth: { key_file: '/k', username: 'u', password: 'p' } }],
      ['csv_ws', { name: 'bad-url', lookup_url: 'not a url' }],
      [
        'ldap',
        { name: 'bad-format', ldap_uri: 'ldap://h', ldap_base_dn: 'dc=x', unique_column_format: 'hex' },
      ],
      ['csv', []],
    ];
    for (const [backend, body] of invalid) {
      const answer = await call(stack, admin, 'POST', `/backends/${backend}/sources`, body);
      assert.equal(answer.status, 400, `${backend} ${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.error_id, 'invalid-data');
    }
    const missing = await call(stack, admin, 'POST', '/backends/csv/sources', { name: 'no-file' });
    assert.ok('file' in missing.body.details, JSON.stringify(missing.body));
    const credentials = await call(stack, admin, 'POST', '/backends/wazo/sources', { name: 'n', auth: {} });
    assert.ok('auth' in credentials.body.details, JSON.stringify(credentials.body));
    const source = ok(
      await call(stack, admin, 'POST', '/backends/csv/sources', csvBody('valid-then-bad')),
      200,
    );
    const afterCreate = await snapshot();
    const bad = await call(stack, admin, 'PUT', `/backends/csv/sources/${source.uuid}`, { name: 'x' });
    assert.equal(bad.status, 400);
    assert.equal(await snapshot(), afterCreate);
    ok(await call(stack, admin, 'DELETE', `/backends/csv/sources/${source.uuid}`), 204);
    assert.equal(await snapshot(), before);
  });

  it('when a name is already used in the tenant, then 409 conflict and nothing changes', async () => {
    ok(await call(stack, admin, 'POST', '/backends/csv/sources', csvBody('taken')), 200);
    const before = await snapshot();
    // Names are unique across backends of a tenant.
    const answer = await call(stack, admin, 'POST', '/backends/ldap/sources', {
      name: 'taken',
      ldap_uri: 'ldap://h',
      ldap_base_dn: 'dc=x',
    });
    const body = ok(answer, 409);
    assert.equal(body.error_id, 'conflict');
    assert.deepEqual(body.details, {
      name: { constraint_id: 'unique', message: 'The name "taken" is already used' },
    });
    const other = ok(await call(stack, admin, 'POST', '/backends/csv/sources', csvBody('other')), 200);
    const renaming = await call(stack, admin, 'PUT', `/backends/csv/sources/${other.uuid}`, csvBody('taken'));
    ok(renaming, 409);
    const snapshotAfterOther = await snapshot();
    assert.notEqual(snapshotAfterOther, before);
    assert.equal(
      ok(await call(stack, admin, 'GET', `/backends/csv/sources/${other.uuid}`), 200).name,
      'other',
    );
  });

  it('when listing, then search, filters, order, direction, limit and offset apply and total counts the tenant', async () => {
    for (const name of ['list-b', 'list-a', 'list-c'])
      ok(
        await call(stack, admin, 'POST', '/backends/csv/sources', { ...csvBody(name), file: `/tmp/${name}` }),
        200,
      );
    const all = ok(await call(stack, admin, 'GET', '/backends/csv/sources'), 200);
    const page = ok(
      await call(
        stack,
        admin,
        'GET',
        '/backends/csv/sources?search=LIST-&order=name&direction=desc&limit=2&offset=1',
      ),
      200,
    );
    assert.equal(page.total, all.total);
    assert.equal(page.filtered, 3);
    assert.deepEqual(
      page.items.map((s: { name: string }) => s.name),
      ['list-b', 'list-a'],
    );
    const byFile = ok(await call(stack, admin, 'GET', '/backends/csv/sources?file=/tmp/list-c'), 200);
    assert.deepEqual(
      byFile.items.map((s: { name: string }) => s.name),
      ['list-c'],
    );
    const ordered = ok(await call(stack, admin, 'GET', '/backends/csv/sources?order=file&search=list'), 200);
    assert.deepEqual(
      ordered.items.map((s: { file: string }) => s.file),
      ['/tmp/list-a', '/tmp/list-b', '/tmp/list-c'],
    );
    ok(await call(stack, admin, 'GET', '/backends/csv/sources?order=ldap_uri'), 400);
    ok(await call(stack, admin, 'GET', '/backends/csv/sources?direction=up'), 400);
    ok(await call(stack, admin, 'GET', '/backends/csv/sources?limit=-1'), 400);
    const summaries = ok(await call(stack, admin, 'GET', '/sources?backend=csv&search=list-a'), 200);
    assert.deepEqual(Object.keys(summaries.items[0]).sort(), ['backend', 'name', 'tenant_uuid', 'uuid']);
  });

  it('when asking GET /backends, then every backend is listed by name', async () => {
    const answer = ok(await call(stack, admin, 'GET', '/backends'), 200);
    assert.equal(answer.total, 9);
    assert.deepEqual(
      answer.items.map((b: { name: string }) => b.name),
      ['conference', 'csv', 'csv_ws', 'google', 'ldap', 'office365', 'personal', 'phonebook', 'wazo'],
    );
    const searched = ok(await call(stack, admin, 'GET', '/backends?search=csv&direction=desc'), 200);
    assert.deepEqual(searched, { total: 9, filtered: 2, items: [{ name: 'csv_ws' }, { name: 'csv' }] });
  });

  it('when a token lacks the ACL, then 401 and nothing changes', async () => {
    const reader = await stack.tokenFor(['dird.backends.csv.sources.read']);
    const before = await snapshot();
    ok(await call(stack, reader, 'GET', '/backends/csv/sources'), 200);
    const refused = await call(stack, reader, 'POST', '/backends/csv/sources', csvBody('not-allowed'));
    assert.equal(refused.status, 401);
    ok(await call(stack, reader, 'GET', '/backends/ldap/sources'), 401);
    ok(await call(stack, reader, 'GET', '/profiles'), 401);
    assert.equal(await snapshot(), before);
  });
});

describe('displays and profiles', () => {
  const display = { name: 'd', columns: [{ field: 'fn', title: 'Firstname', type: 'firstname' }] };

  it('when a display is created, read, replaced and deleted, then Wazo’s codes answer', async () => {
    const created = ok(await call(stack, admin, 'POST', '/displays', display), 201);
    assert.deepEqual(created.columns, [
      { field: 'fn', title: 'Firstname', type: 'firstname', default: null, number_display: null },
    ]);
    const columns = [
      { field: 'ln', title: 'Lastname', default: '-' },
      { field: 'phone', type: 'number', number_display: '{name}' },
    ];
    ok(await call(stack, admin, 'PUT', `/displays/${created.uuid}`, { name: 'd2', columns }), 204);
    const read = ok(await call(stack, admin, 'GET', `/displays/${created.uuid}`), 200);
    assert.equal(read.name, 'd2');
    assert.deepEqual(
      read.columns.map((c: { field: string }) => c.field),
      ['ln', 'phone'],
    );
    const before = await snapshot();
    ok(await call(stack, admin, 'POST', '/displays', { name: 'empty', columns: [] }), 400);
    ok(await call(stack, admin, 'POST', '/displays', { name: 'empty-column', columns: [{}] }), 400);
    ok(await call(stack, admin, 'PUT', `/displays/${created.uuid}`, { name: 'd3' }), 400);
    assert.equal(await snapshot(), before);
    ok(await call(stack, admin, 'DELETE', `/displays/${created.uuid}`), 204);
    assert.equal(
      ok(await call(stack, admin, 'GET', `/displays/${created.uuid}`), 404).error_id,
      'unknown-display',
    );
  });

  it('when a profile names sources and a display, then they dump as {uuid}; deleting a source drops it from the profile', async () => {
    const d = ok(await call(stack, admin, 'POST', '/displays', display), 201);
    const s1 = ok(await call(stack, admin, 'POST', '/backends/csv/sources', csvBody('p-s1')), 200);
    const s2 = ok(await call(stack, admin, 'POST', '/backends/personal/sources', { name: 'p-s2' }), 200);
    const body = {
      name: 'profile-a',
      display: { uuid: d.uuid },
      services: {
        lookup: { sources: [{ uuid: s2.uuid }, { uuid: s1.uuid }], options: { timeout: 2 } },
        favorites: { sources: [{ uuid: s1.uuid }] },
      },
    };
    const created = ok(await call(stack, admin, 'POST', '/profiles', body), 201);
    assert.deepEqual(created.display, { uuid: d.uuid });
    assert.deepEqual(created.services, {
      lookup: { sources: [{ uuid: s2.uuid }, { uuid: s1.uuid }], options: { timeout: 2 } },
      favorites: { sources: [{ uuid: s1.uuid }], options: { timeout: null } },
    });
    ok(await call(stack, admin, 'POST', '/profiles', body), 409);
    ok(await call(stack, admin, 'DELETE', `/backends/csv/sources/${s1.uuid}`), 204);
    const read = ok(await call(stack, admin, 'GET', `/profiles/${created.uuid}`), 200);
    assert.deepEqual(read.services.lookup.sources, [{ uuid: s2.uuid }]);
    assert.deepEqual(read.services.favorites.sources, []);

    ok(
      await call(stack, admin, 'PUT', `/profiles/${created.uuid}`, { name: 'profile-a', services: {} }),
      204,
    );
    const emptied = ok(await call(stack, admin, 'GET', `/profiles/${created.uuid}`), 200);
    assert.deepEqual(emptied.services, {});
    assert.equal(emptied.display, null);
    ok(await call(stack, admin, 'DELETE', `/profiles/${created.uuid}`), 204);
    assert.equal(
      ok(await call(stack, admin, 'GET', `/profiles/${created.uuid}`), 404).error_id,
      'unknown-profile',
    );
  });

  it('when a profile body is invalid or names unknown sources, then it is refused and nothing changes', async () => {
    const before = await snapshot();
    const unknown = '00000000-0000-4000-8000-0000000000aa';
    const refused: [unknown, number][] = [
      [{ name: 'p', services: { lookup: { sources: [{ uuid: unknown }] } } }, 404],
      [{ name: 'p', display: { uuid: unknown }, services: {} }, 404],
      [{ name: 'p' }, 400],
      [{ name: 'p', services: { lookup: { sources: [{ uuid: 'x' }] } } }, 400],
      [{ name: 'p', services: { lookup: { options: { timeout: 0 } } } }, 400],
      [{ name: 'p', services: { lookup: { unknown: true } } }, 400],
      [{ name: '', services: {} }, 400],
    ];
    for (const [body, status] of refused) {
      const answer = await call(stack, admin, 'POST', '/profiles', body);
      assert.equal(answer.status, status, `${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`);
    }
    assert.equal(await snapshot(), before);
  });
});

describe('tenants', () => {
  it('when a tenant is created in wazo-auth, then dird provisions it and its users see only their own configuration', async () => {
    const tenant = await stack.createTenant('acme');
    const user = await stack.tokenFor(['dird.#'], tenant);
    await eventually(async () => (await call(stack, user, 'GET', '/profiles')).body?.total === 1);
    const sources = ok(await call(stack, user, 'GET', '/sources'), 200);
    assert.deepEqual(sources.items.map((s: { name: string }) => s.name).sort(), [
      'auto_conference_acme',
      'auto_google_acme',
      'auto_office365_acme',
      'auto_wazo_acme',
      'personal',
    ]);
    assert.ok(sources.items.every((s: { tenant_uuid: string }) => s.tenant_uuid === tenant));

    // The master tenant's sources are invisible, by list and by uuid.
    const masterSource = ok(await call(stack, admin, 'GET', '/backends/csv/sources?name=taken'), 200)
      .items[0];
    ok(await call(stack, user, 'GET', `/backends/csv/sources/${masterSource.uuid}`), 404);
    ok(await call(stack, user, 'PUT', `/backends/csv/sources/${masterSource.uuid}`, csvBody('stolen')), 404);
    ok(await call(stack, user, 'DELETE', `/backends/csv/sources/${masterSource.uuid}`), 404);
    assert.equal(ok(await call(stack, user, 'GET', '/backends/csv/sources'), 200).total, 0);
    // The same name is free in another tenant.
    const own = ok(await call(stack, user, 'POST', '/backends/csv/sources', csvBody('taken')), 200);
    // A profile may not name another tenant's source.
    const foreign = await call(stack, user, 'POST', '/profiles', {
      name: 'foreign',
      services: { lookup: { sources: [{ uuid: masterSource.uuid }] } },
    });
    assert.equal(ok(foreign, 404).error_id, 'unknown-source');

    // The master tenant's admin sees it with recurse, or through Wazo-Tenant.
    const mine = ok(await call(stack, admin, 'GET', '/backends/csv/sources?name=taken'), 200);
    assert.equal(mine.total > 0 && mine.items.length, 1);
    const recursed = ok(
      await call(stack, admin, 'GET', '/backends/csv/sources?name=taken&recurse=true'),
      200,
    );
    assert.equal(recursed.items.length, 2);
    const scoped = ok(await call(stack, admin, 'GET', '/backends/csv/sources', undefined, tenant), 200);
    assert.deepEqual(
      scoped.items.map((s: { uuid: string }) => s.uuid),
      [own.uuid],
    );
    ok(await call(stack, admin, 'GET', `/backends/csv/sources/${own.uuid}`), 200);
    // Another tenant's admin never sees it.
    const other = await stack.createTenant('globex');
    const stranger = await stack.tokenFor(['dird.#'], other);
    ok(await call(stack, stranger, 'GET', `/backends/csv/sources/${own.uuid}`), 404);
    ok(await call(stack, stranger, 'GET', '/sources', undefined, tenant), 401);
  });

  it('when a tenant is deleted in wazo-auth, then its configuration goes', async () => {
    const tenant = await stack.createTenant('doomed');
    const count = async () =>
      Number(
        (await stack.database.pool.query('SELECT count(*) FROM dird_source WHERE tenant_uuid = $1', [tenant]))
          .rows[0].count,
      );
    await eventually(async () => (await count()) === 5);
    await stack.deleteTenant(tenant);
    await eventually(async () => (await count()) === 0);
    const rows = await stack.database.pool.query('SELECT * FROM dird_tenant WHERE uuid = $1', [tenant]);
    assert.equal(rows.rowCount, 0);
  });
});
