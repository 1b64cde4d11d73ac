import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { catalogueNames, checkFile, daoSrc, layeredFiles, type Violation } from './architecture/boundary.js';
import {
  DAEMONS,
  forbiddenImports,
  LIBRARY_IMPORTS,
  libraryFiles,
  packageViolations,
} from './architecture/packages.js';

const catalogue = catalogueNames();
const fixture = (path: string) => join(daoSrc, 'architecture/fixtures', path);
const messages = (violations: Violation[]) => violations.map((v) => `${v.file}:${v.line} ${v.message}`);

describe('the Service API boundary', () => {
  it('when scanning the library, then every resource has its service and model checked', () => {
    const files = layeredFiles().map((f) => f.file.slice(daoSrc.length + 1));
    assert.ok(files.includes('tenants/tenants.service.ts'));
    assert.ok(files.includes('tenants/tenants.model.ts'));
    assert.ok(!files.some((f) => f.includes('fixtures')));
    // The wiring builds services from daos: it is not a service and is not held to their rule.
    assert.ok(!files.some((f) => f.startsWith('service-api')));
  });

  it('when the event catalogue is read, then it holds the definitions and payload types', () => {
    assert.ok(catalogue.has('userCreated'));
    assert.ok(catalogue.has('UserPayload'));
    assert.ok(!catalogue.has('createBusPublisher'));
  });

  it('when checking every service and model, then none reaches past its layer', () => {
    const violations = layeredFiles().flatMap(({ file, role }) => checkFile(file, role, { catalogue }));
    assert.deepEqual(messages(violations), []);
  });

  it('when a service breaks the rule, then each breach is reported with its line', () => {
    const found = messages(checkFile(fixture('bad/bad.service.ts'), 'service', { catalogue }));
    const expected = [
      "imports 'node:fs'",
      "imports 'node:http'",
      "imports 'node:https'",
      "imports 'node:net'",
      'imports createBusPublisher from @wazo-ts/bus (not in the event catalogue)',
      'imports createDatabase from @wazo-ts/db (database plumbing)',
      "imports 'kysely'",
      "imports 'pg'",
      'imports db/database.ts (library plumbing)',
      'imports search/apply.ts (library plumbing)',
      'imports service-api.ts (library plumbing)',
      "imports another resource's dao as a value: users/users.dao.ts",
      'imports users/users.tables.ts (tables)',
      "uses the global 'process'",
      "uses the global 'fetch'",
      "imports 'node:child_process'",
      "bad-helper.ts:2 imports 'node:fs/promises'",
    ];
    for (const text of expected) {
      assert.ok(
        found.some((f) => f.includes(text)),
        `expected a violation containing ${JSON.stringify(text)} in:\n${found.join('\n')}`,
      );
    }
    assert.ok(found.every((f) => /:\d+ /.test(f)));
  });

  it('when a service uses only what the rule allows, then nothing is reported', () => {
    assert.deepEqual(messages(checkFile(fixture('good/good.service.ts'), 'service', { catalogue })), []);
  });

  it('when a model reaches a dao, even as a type, then it is reported', () => {
    const found = messages(checkFile(fixture('good/good.service.ts'), 'model', { catalogue }));
    assert.ok(
      found.some((f) => f.includes('a model imports contexts/contexts.dao.ts (dao)')),
      found.join('\n'),
    );
    assert.ok(
      found.some((f) => f.includes('a model imports the unit of work')),
      found.join('\n'),
    );
  });
});

describe('the package layers', () => {
  it('when scanning every library and daemon, then each imports only the packages it may', () => {
    assert.deepEqual(messages(packageViolations()), []);
  });

  it('when the database toolkit is scanned, then it is seen and may import neither dao nor a daemon', () => {
    assert.ok(libraryFiles('db').some((f) => f.endsWith('unit-of-work.ts')));
    for (const above of ['dao', ...DAEMONS, 'platform', 'cli'])
      assert.ok(!LIBRARY_IMPORTS.db?.includes(above), above);
  });

  it('when a library reaches up, then each such import is reported', () => {
    const found = forbiddenImports('db', [
      '@wazo-ts/dao',
      '@wazo-ts/confd/testing',
      '@wazo-ts/bus',
      'kysely',
    ]);
    assert.deepEqual(found, [
      '@wazo-ts/db imports @wazo-ts/dao',
      '@wazo-ts/db imports @wazo-ts/confd/testing',
    ]);
    assert.deepEqual(forbiddenImports('bus', ['@wazo-ts/db']), ['@wazo-ts/bus imports @wazo-ts/db']);
    assert.deepEqual(forbiddenImports('auth', ['@wazo-ts/confd', '@wazo-ts/db']), [
      '@wazo-ts/auth imports @wazo-ts/confd',
    ]);
  });
});
