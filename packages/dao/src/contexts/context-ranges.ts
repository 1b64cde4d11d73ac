/**
 * `GET /contexts/{id}/ranges/{type}` as wazo-confd computes it: the context's ranges of one kind
 * turned into the runs of extens they hold, without overlaps, without the extens already used in
 * the context (`availability=available`), optionally only those containing `search`, merged into
 * consecutive runs. Wazo walks every exten; here runs are cut as intervals, so a sixteen-digit
 * range costs no more than a short one. Only `search` walks extens, up to a bound.
 */
import { inputError } from '../errors.js';

export const RANGE_TYPES = ['user', 'group', 'queue', 'conference', 'incall'] as const;
export type RangeType = (typeof RANGE_TYPES)[number];

export interface RangeBounds {
  start: string;
  end: string;
  did_length?: number;
}

export interface RangeListOptions {
  availability?: 'available' | 'all' | undefined;
  search?: string | undefined;
  order?: string | undefined;
  /** 'desc' sorts down; anything else up, as Wazo reads it. */
  direction?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface ExtenRun {
  start: string;
  end: string;
}

/**
 * Extens a search may walk before the request is refused (Wazo would walk them all). The walk is
 * synchronous: this bound keeps it to a few milliseconds of event loop.
 */
export const MAX_SEARCHED_EXTENS = 100_000;

interface Block {
  lo: bigint;
  hi: bigint;
  /** Digits the extens are padded to; 0 = written without padding. */
  pad: number;
}

const format = (value: bigint, pad: number) => value.toString().padStart(pad, '0');

/** [lo, hi] minus the sorted, disjoint `cuts` intervals. */
function subtract(lo: bigint, hi: bigint, cuts: [bigint, bigint][]): [bigint, bigint][] {
  const out: [bigint, bigint][] = [];
  let from = lo;
  for (const [a, b] of cuts) {
    if (b < from || a > hi) continue;
    if (a > from) out.push([from, a - 1n]);
    from = b + 1n;
  }
  if (from <= hi) out.push([from, hi]);
  return out;
}

/** Unpadded extens change width at powers of ten: a block holds extens of one width. */
function splitWidths(lo: bigint, hi: bigint, pad: number): Block[] {
  if (pad > 0) return [{ lo, hi, pad }];
  const blocks: Block[] = [];
  let from = lo;
  while (from <= hi) {
    const widthEnd = 10n ** BigInt(from.toString().length) - 1n;
    const to = hi < widthEnd ? hi : widthEnd;
    blocks.push({ lo: from, hi: to, pad: 0 });
    from = to + 1n;
  }
  return blocks;
}

/** The ranges' extens as blocks, shortest lengths first, each length's ranges by start, overlaps once. */
function blocksOf(ranges: RangeBounds[], incall: boolean): Block[] {
  const byLength = new Map<number, RangeBounds[]>();
  for (const range of ranges) {
    const length = incall ? (range.did_length ?? 0) : range.start.length;
    byLength.set(length, [...(byLength.get(length) ?? []), range]);
  }
  const blocks: Block[] = [];
  for (const length of [...byLength.keys()].sort((a, b) => a - b)) {
    const cut = (text: string) => text.slice(-length);
    const sorted = [...(byLength.get(length) ?? [])].sort((a, b) =>
      cut(a.start) < cut(b.start) ? -1 : cut(a.start) > cut(b.start) ? 1 : 0,
    );
    const visited: [bigint, bigint][] = [];
    for (const range of sorted) {
      const lo = BigInt(cut(range.start));
      const hi = BigInt(cut(range.end));
      // Wazo fails on such a range (its bounds' last digits are out of order); it holds nothing.
      if (lo > hi) continue;
      for (const [a, b] of subtract(lo, hi, visited)) blocks.push(...splitWidths(a, b, length));
      visited.push([lo, hi]);
      visited.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    }
  }
  return blocks;
}

/** The block without the used extens (those written exactly as the block writes them). */
function withoutUsed(block: Block, used: ReadonlySet<string>): Block[] {
  const cuts: [bigint, bigint][] = [];
  for (const exten of used) {
    if (!/^[0-9]+$/.test(exten)) continue;
    const value = BigInt(exten);
    if (value >= block.lo && value <= block.hi && format(value, block.pad) === exten)
      cuts.push([value, value]);
  }
  cuts.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return subtract(block.lo, block.hi, cuts).map(([lo, hi]) => ({ lo, hi, pad: block.pad }));
}

/** The block's extens containing `search`, as single-exten blocks. */
function matching(blocks: Block[], search: string): Block[] {
  const total = blocks.reduce((n, b) => n + (b.hi - b.lo + 1n), 0n);
  if (total > BigInt(MAX_SEARCHED_EXTENS))
    throw inputError(
      `search: the ranges hold ${total} extensions, more than the ${MAX_SEARCHED_EXTENS} a search may walk`,
    );
  return blocks.flatMap((block) => matchingIn(block, search));
}

/**
 * One block's extens containing `search`, consecutive matches kept as one block (`runsOf` would
 * merge them anyway); plain numbers where exact, far cheaper than bigint.
 */
function matchingIn(block: Block, search: string): Block[] {
  const out: Block[] = [];
  const match = (value: bigint) => {
    const run = out.at(-1);
    if (run && run.hi + 1n === value) run.hi = value;
    else out.push({ lo: value, hi: value, pad: block.pad });
  };
  if (block.hi > BigInt(Number.MAX_SAFE_INTEGER)) {
    for (let value = block.lo; value <= block.hi; value++)
      if (format(value, block.pad).includes(search)) match(value);
    return out;
  }
  const [lo, hi] = [Number(block.lo), Number(block.hi)];
  for (let value = lo; value <= hi; value++)
    if (String(value).padStart(block.pad, '0').includes(search)) match(BigInt(value));
  return out;
}

/** Consecutive extens of one width form one run, as Wazo merges them (a step back merges too). */
function runsOf(blocks: Block[]): ExtenRun[] {
  const runs: ExtenRun[] = [];
  let last: { hi: bigint; width: number; run: ExtenRun } | null = null;
  for (const block of blocks) {
    const first = format(block.lo, block.pad);
    const end = format(block.hi, block.pad);
    if (last && block.lo - last.hi <= 1n && first.length === last.width) {
      last.run.end = end;
      last.hi = block.hi;
    } else {
      const run = { start: first, end };
      runs.push(run);
      last = { hi: block.hi, width: end.length, run };
    }
  }
  return runs;
}

function sortedRuns(runs: ExtenRun[], options: RangeListOptions): ExtenRun[] {
  const { order, direction } = options;
  if (order === undefined) return runs;
  if (order !== 'start' && order !== 'end') throw inputError(`order: column '${order}' was not found`);
  const sign = direction === 'desc' ? -1 : 1;
  return [...runs].sort((a, b) => (a[order] < b[order] ? -sign : a[order] > b[order] ? sign : 0));
}

/** The runs of extens of these ranges, with Wazo's filters, total (before paging) and page. */
export function listRangeRuns(
  ranges: RangeBounds[],
  type: RangeType,
  used: ReadonlySet<string>,
  options: RangeListOptions,
): { total: number; items: ExtenRun[] } {
  let blocks = blocksOf(ranges, type === 'incall');
  if ((options.availability ?? 'available') === 'available')
    blocks = blocks.flatMap((b) => withoutUsed(b, used));
  if (options.search) blocks = matching(blocks, options.search);
  const runs = sortedRuns(runsOf(blocks), options);
  const offset = options.offset ?? 0;
  const page = options.limit === undefined ? runs.slice(offset) : runs.slice(offset, offset + options.limit);
  return { total: runs.length, items: page };
}
