/**
 * `npm run new-daemon` makes a daemon that works as generated: into a scratch copy of the
 * repository's root files (inside the checkout, so the workspace packages resolve through its
 * node_modules; git-ignored and removed afterwards) it generates wazo-template-check, which must
 * type-check and pass the kit's conformance suite, run on its own as a child process.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from './support/commands.js';

const NAME = 'template-check';

function run(args: string[], cwd = REPO_ROOT) {
  // Without the runner's marker, a nested `node --test` would skip its files and pass empty.
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const result = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm run new-daemon', () => {
  let root: string;
  const daemon = (path: string) => join(root, 'daemons', NAME, path);

  before(() => {
    mkdirSync(join(REPO_ROOT, '.scratch'), { recursive: true });
    root = mkdtempSync(join(REPO_ROOT, '.scratch', 'new-daemon-'));
    for (const file of ['package.json', 'tsconfig.json', 'tsconfig.base.json'])
      copyFileSync(join(REPO_ROOT, file), join(root, file));
    const generated = run([
      'scripts/new-daemon.mjs',
      '--name',
      `wazo-${NAME}`,
      '--port',
      '9398',
      '--root',
      root,
    ]);
    assert.equal(generated.status, 0, generated.output);
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    try {
      rmdirSync(join(REPO_ROOT, '.scratch')); // only when no other run is using it
    } catch {}
  });

  it('when generated, then the workspace has the layout of websocketd and is wired into the project', () => {
    const pkg = JSON.parse(readFileSync(daemon('package.json'), 'utf8'));
    assert.deepEqual(pkg.bin, { [`wazo-${NAME}`]: `./bin/wazo-${NAME}.js` });
    assert.equal(pkg.exports['.']['wazo-ts-source'], './src/index.ts');
    for (const file of ['definition.ts', 'config.ts', 'resources.ts', 'main.ts', 'conformance.test.ts'])
      assert.ok(readFileSync(daemon(`src/${file}`), 'utf8').length > 0, file);
    assert.match(readFileSync(daemon('src/definition.ts'), 'utf8'), /defaultPort: 9398/);
    const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
    assert.ok(tsconfig.references.some((r: { path: string }) => r.path === `daemons/${NAME}`));
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    assert.match(scripts[`start:${NAME}`], new RegExp(`etc/dev/wazo-${NAME}.yml`));
    assert.match(readFileSync(join(root, 'etc', 'dev', `wazo-${NAME}.yml`), 'utf8'), /port: 9398/);
  });

  it('when the daemon exists already, then the generator refuses and changes nothing', () => {
    const before = readFileSync(join(root, 'tsconfig.json'), 'utf8');
    const again = run(['scripts/new-daemon.mjs', '--name', NAME, '--port', '9398', '--root', root]);
    assert.equal(again.status, 2);
    assert.match(again.output, /already exists/);
    assert.equal(readFileSync(join(root, 'tsconfig.json'), 'utf8'), before);
  });

  it('when type-checked, then the generated sources compile', () => {
    const check = join(root, 'tsconfig.check.json');
    writeFileSync(
      check,
      JSON.stringify({
        extends: join(REPO_ROOT, 'tsconfig.check.json'),
        compilerOptions: { typeRoots: [join(REPO_ROOT, 'node_modules', '@types')] },
        include: [daemon('src')],
      }),
    );
    const tsc = run([join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', check]);
    assert.equal(tsc.status, 0, tsc.output);
  });

  it('when its conformance test runs on its own, then it passes the first time', () => {
    const conformance = run([
      '--conditions=wazo-ts-source',
      '--import',
      'tsx',
      '--test',
      '--test-reporter=tap',
      daemon('src/conformance.test.ts'),
    ]);
    assert.equal(conformance.status, 0, conformance.output);
    assert.match(conformance.output, /^# pass [1-9]/m);
    assert.match(conformance.output, /^# fail 0$/m);
  });
});
