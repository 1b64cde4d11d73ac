/**
 * The time zones this host knows, as Python's `zoneinfo.available_timezones()` finds them (what
 * Wazo's `/timezones` lists): every TZif file under the zoneinfo directory, aliases included
 * (`America/Montreal`), without the `posix/` and `right/` copies. Without that directory, the
 * zones Node's ICU knows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SKIPPED = new Set(['posix', 'right', 'posixrules', 'localtime', 'Factory']);

function isTzif(path: string): boolean {
  try {
    return readFileSync(path).subarray(0, 4).toString('latin1') === 'TZif';
  } catch {
    return false;
  }
}

function walk(root: string, dir: string, found: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (dir === root && SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(root, path, found);
    else if (!entry.name.includes('.') && isTzif(path)) found.push(relative(root, path));
  }
}

export function availableTimezones(root = '/usr/share/zoneinfo'): string[] {
  const found: string[] = [];
  try {
    walk(root, root, found);
  } catch {
    // No zoneinfo directory on this host.
  }
  return (found.length > 0 ? found : Intl.supportedValuesOf('timeZone')).sort();
}
