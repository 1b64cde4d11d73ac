/** Wazo's context range listing, computed on intervals: the same runs its exten-by-exten walk gives. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listRangeRuns, MAX_SEARCHED_EXTENS } from './context-ranges.js';

const none = new Set<string>();
const runs = (...pairs: [string, string][]) => pairs.map(([start, end]) => ({ start, end }));

describe('listRangeRuns', () => {
  it('when ranges touch or overlap, then one run each stretch, overlaps counted once', () => {
    const ranges = [
      { start: '1005', end: '1007' },
      { start: '1000', end: '1005' },
      { start: '1000', end: '1010' },
      { start: '1020', end: '1020' },
      { start: '000', end: '005' },
    ];
    assert.deepEqual(listRangeRuns(ranges, 'user', none, {}), {
      total: 3,
      items: runs(['000', '005'], ['1000', '1010'], ['1020', '1020']),
    });
  });

  it('when extens are used, then the free ones only, unless availability is all', () => {
    const ranges = [{ start: '1000', end: '1009' }];
    const used = new Set(['1000', '1004', '1005', '0999', 'x', '100']);
    assert.deepEqual(listRangeRuns(ranges, 'user', used, {}).items, runs(['1001', '1003'], ['1006', '1009']));
    assert.deepEqual(
      listRangeRuns(ranges, 'user', none, { availability: 'all' }).items,
      runs(['1000', '1009']),
    );
  });

  it('when leading zeros and lengths mix, then runs keep their width and never join across widths', () => {
    const ranges = [
      { start: '0001', end: '0003' },
      { start: '001', end: '003' },
      { start: '0004', end: '0005' },
    ];
    assert.deepEqual(listRangeRuns(ranges, 'group', none, {}).items, runs(['001', '003'], ['0001', '0005']));
  });

  it('when incall ranges are listed, then only their last did_length digits count', () => {
    const ranges = [
      { start: '12345670000', end: '12345670010', did_length: 4 },
      { start: '12345680006', end: '12345680010', did_length: 4 },
      { start: '5551000', end: '5551002', did_length: 0 },
    ];
    assert.deepEqual(
      listRangeRuns(ranges, 'incall', new Set(['0003']), {}).items,
      runs(['5551000', '5551002'], ['0000', '0002'], ['0004', '0010']),
    );
  });

  it('when searched, sorted and paged, then the total counts every matching run', () => {
    const ranges = [{ start: '1000', end: '1039' }];
    const found = listRangeRuns(ranges, 'queue', none, { search: '2' });
    assert.deepEqual(
      found.items,
      runs(['1002', '1002'], ['1012', '1012'], ['1020', '1029'], ['1032', '1032']),
    );
    const page = listRangeRuns(ranges, 'queue', none, {
      search: '2',
      order: 'start',
      direction: 'desc',
      offset: 1,
      limit: 2,
    });
    assert.deepEqual(page, { total: 4, items: runs(['1020', '1029'], ['1012', '1012']) });
    assert.deepEqual(listRangeRuns(ranges, 'queue', none, { limit: 0 }), { total: 1, items: [] });
  });

  it('when a range is huge, then it is listed at once; searching it is refused', () => {
    const ranges = [{ start: '0000000000000000', end: '9999999999999999' }];
    const used = new Set(['0000000000000001']);
    assert.deepEqual(
      listRangeRuns(ranges, 'conference', used, {}).items,
      runs(['0000000000000000', '0000000000000000'], ['0000000000000002', '9999999999999999']),
    );
    assert.throws(
      () => listRangeRuns(ranges, 'conference', none, { search: '1' }),
      (error: Error) => error.message.includes(String(MAX_SEARCHED_EXTENS)),
    );
  });

  it('when a search would walk more than the cap, then 400 saying so; at the cap it answers', () => {
    assert.equal(MAX_SEARCHED_EXTENS, 100_000);
    const atCap = [{ start: '100000', end: '199999' }];
    assert.deepEqual(
      listRangeRuns(atCap, 'user', none, { search: '19999' }).items,
      runs(['119999', '119999'], ['199990', '199999']),
    );
    const overCap = [...atCap, { start: '300000', end: '300000' }];
    assert.throws(() => listRangeRuns(overCap, 'user', none, { search: '1' }), {
      message:
        'Input Error - search: the ranges hold 100001 extensions, more than the 100000 a search may walk',
    });
  });

  it('when the order is not a range field, then the input error names it', () => {
    assert.throws(
      () => listRangeRuns([{ start: '1', end: '2' }], 'user', none, { order: 'exten' }),
      /Input Error - order: column 'exten' was not found/,
    );
  });
});
