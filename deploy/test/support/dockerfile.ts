/**
 * Just enough of a Dockerfile reader to check ours without a container engine: global ARGs, the
 * stages with their base, and per stage its RUN text, USER, ENV, EXPOSE, ENTRYPOINT, HEALTHCHECK;
 * plus every path COPY takes from the build context.
 */
export interface Stage {
  name: string;
  from: string;
  run: string;
  user?: string;
  env: Record<string, string>;
  expose?: string;
  entrypoint?: string[];
  healthcheck?: string;
}

export interface Dockerfile {
  args: Record<string, string>;
  stages: Stage[];
  /** Paths copied from the build context (COPY without --from), as written. */
  contextSources: string[];
  /** The stage of that name; throws when there is none. */
  stage(name: string): Stage;
}

/** Instructions, one per entry: comments dropped and continuation lines joined. */
function instructions(text: string): string[] {
  const lines = text.split('\n').filter((line) => !/^\s*#/.test(line));
  return lines
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function parseEnv(rest: string): Record<string, string> {
  return Object.fromEntries([...rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
}

function apply(stage: Stage, keyword: string, rest: string, copies: string[]): void {
  if (keyword === 'RUN') stage.run += `${rest}\n`;
  else if (keyword === 'USER') stage.user = rest;
  else if (keyword === 'ENV') Object.assign(stage.env, parseEnv(rest));
  else if (keyword === 'EXPOSE') stage.expose = rest;
  else if (keyword === 'ENTRYPOINT') stage.entrypoint = JSON.parse(rest) as string[];
  else if (keyword === 'HEALTHCHECK') stage.healthcheck = rest;
  else if (keyword === 'COPY' && !rest.includes('--from=')) {
    const parts = rest.split(/\s+/).filter((p) => !p.startsWith('--'));
    copies.push(...parts.slice(0, -1));
  }
}

export function parseDockerfile(text: string): Dockerfile {
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  const contextSources: string[] = [];
  for (const line of instructions(text)) {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    const current = stages.at(-1);
    if (upper === 'FROM') {
      const [, from = '', name = ''] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(rest) ?? [];
      stages.push({ name, from, run: '', env: {} });
    } else if (upper === 'ARG' && !current) Object.assign(args, parseEnv(rest));
    else if (current) apply(current, upper, rest, contextSources);
  }
  return {
    args,
    stages,
    contextSources,
    stage(name) {
      const found = stages.find((s) => s.name === name);
      if (!found) throw new Error(`no stage ${name} in the Dockerfile`);
      return found;
    },
  };
}
