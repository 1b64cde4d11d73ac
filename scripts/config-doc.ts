#!/usr/bin/env -S node --conditions=wazo-ts-source --import tsx
// Writes the table of base config keys into docs/configuration.md (between the config-keys
// markers) from the schema's defaults and descriptions, so the docs cannot drift from the code.
// `--check` exits 1 when the file is stale (for CI).
// Run: node --conditions=wazo-ts-source --import tsx scripts/config-doc.ts [--check]
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BaseConfigSchema,
  configKeyRows,
  configLayersDescription,
  derivedDefaults,
  schemaDefaults,
} from '../packages/daemon/src/config/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const docPath = join(root, 'docs/configuration.md');

function defaultsForDocs(): Record<string, unknown> {
  const fromSchema = schemaDefaults(BaseConfigSchema as unknown as Record<string, unknown>) as Record<
    string,
    Record<string, unknown>
  >;
  const derived = derivedDefaults({ name: '<name>', defaultPort: 0 }) as Record<
    string,
    Record<string, unknown>
  >;
  const tree = structuredClone(fromSchema);
  for (const [key, value] of Object.entries(derived)) {
    tree[key] = typeof value === 'object' ? { ...tree[key], ...value } : value;
  }
  (tree.rest_api as Record<string, unknown>).port = "the daemon's Wazo port";
  (tree.service_discovery as Record<string, unknown>).advertise_port = 'null (→ rest_api.port)';
  return tree;
}

function cell(value: unknown): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' && /daemon's|→/.test(value) ? value : `\`${JSON.stringify(value)}\``;
  return text.replaceAll('|', '\\|');
}

function keyTable(): string {
  const rows = configKeyRows(BaseConfigSchema, defaultsForDocs());
  const lines = rows.map(
    (row) =>
      `| \`${row.key}\` | ${row.type.replaceAll('|', '\\|')} | ${cell(row.default)} | ${row.description} |`,
  );
  return ['| key | type | default | meaning |', '|---|---|---|---|', ...lines].join('\n');
}

function layerList(): string {
  return configLayersDescription()
    .map((layer, i) => `${i + 1}. **${layer.name}**: ${layer.description}`)
    .join('\n');
}

function fill(text: string, marker: string, content: string): string {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`markers ${marker} not found in ${docPath}`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

/** Biome pads markdown tables; format the same way so `biome check docs` and `--check` agree. */
function formatted(text: string): string {
  const biome = join(root, 'node_modules/.bin/biome');
  const result = spawnSync(biome, ['format', `--stdin-file-path=${docPath}`], {
    input: text,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`biome format failed: ${result.stderr}`);
  return result.stdout;
}

const current = readFileSync(docPath, 'utf8');
const next = formatted(fill(fill(current, 'config-layers', layerList()), 'config-keys', keyTable()));
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('docs/configuration.md is stale: run scripts/config-doc.ts');
    process.exit(1);
  }
} else {
  writeFileSync(docPath, next);
  console.log('wrote', docPath);
}
