// Starts one of this package's commands. A checkout has the TypeScript sources and tsx: they run
// as they are, so a command works right after `npm ci` and never runs a stale build. An installed
// package or a container image has only dist/: the compiled module runs. Either way the command
// stays this one process, so signals, exit codes and the process id are the daemon's own.
// WAZO_TS_RUN=dist runs dist/ even in a checkout (after `npm run build`).
import { existsSync } from 'node:fs';
import { register } from 'node:module';

// Workspace packages export their src/ entry points under this condition (see package.json).
const SOURCE_CONDITION_HOOK = `data:text/javascript,${encodeURIComponent(
  'export async function resolve(specifier, context, next) {' +
    "return next(specifier, { ...context, conditions: [...context.conditions, 'wazo-ts-source'] });" +
    '}',
)}`;

async function loadTsx() {
  try {
    return await import('tsx/esm/api');
  } catch {
    return null;
  }
}

/**
 * Imports `src/<entry>.ts` (checkout) or `dist/<entry>.js` (build) of the package whose bin file
 * is `binUrl` (`import.meta.url` of `<package>/bin/<command>.js`).
 */
export async function launch(binUrl, entry) {
  const source = new URL(`../src/${entry}.ts`, binUrl);
  if (process.env.WAZO_TS_RUN !== 'dist' && existsSync(source)) {
    const tsx = await loadTsx();
    if (tsx) {
      tsx.register();
      register(SOURCE_CONDITION_HOOK);
      await import(source.href);
      return;
    }
  }
  await import(new URL(`../dist/${entry}.js`, binUrl).href);
}
