import { describe, expect, it } from 'vitest';
import { filterOutline, withThreadCounts, type MeasureFacts } from '../../client/app/outlineFilter.js';
import type { OutlineEntry } from '../../client/app/outline.js';

const entries: OutlineEntry[] = [
  { id: 'c-1', level: 'chapter', number: '1', label: 'WONEN' },
  { id: 's-1-1', level: 'section', number: '1.1', label: 'Vandaag' },
  { id: 'm-1', level: 'measure', number: '1.1.1', label: 'Bouwen' },
  { id: 'm-2', level: 'measure', number: '1.1.2', label: 'Regels' },
  { id: 'c-2', level: 'chapter', number: '2', label: 'DEFENSIE' },
  { id: 's-2-1', level: 'section', number: '2.1', label: 'Krijgsmacht' },
  { id: 'm-3', level: 'measure', number: '2.1.1', label: 'Investeren' },
];
const facts = new Map<string, MeasureFacts>([
  ['m-2', { status: 'disputed', pendingBy: new Set(['VVD']), pending: 1, openThreads: 0 }],
  ['m-3', { status: 'agreed', pendingBy: new Set(), pending: 0, openThreads: 2 }],
]);
const ids = (list: OutlineEntry[]) => list.map((e) => e.id);

describe('filtering the outline', () => {
  it('keeps everything when the filter is "all"', () => {
    expect(filterOutline(entries, { kind: 'all' }, facts)).toBe(entries);
  });

  it('keeps the measures with pending amendments, with their chapter and section', () => {
    expect(ids(filterOutline(entries, { kind: 'pending' }, facts))).toEqual(['c-1', 's-1-1', 'm-2']);
  });

  it('filters by status, counting a measure without a status as open', () => {
    expect(ids(filterOutline(entries, { kind: 'status', status: 'open' }, facts))).toEqual([
      'c-1',
      's-1-1',
      'm-1',
    ]);
    expect(ids(filterOutline(entries, { kind: 'status', status: 'agreed' }, facts))).toEqual([
      'c-2',
      's-2-1',
      'm-3',
    ]);
  });

  it("filters by a party's pending amendments and by open threads", () => {
    expect(ids(filterOutline(entries, { kind: 'party', party: 'VVD' }, facts))).toEqual([
      'c-1',
      's-1-1',
      'm-2',
    ]);
    expect(ids(filterOutline(entries, { kind: 'party', party: 'CDA' }, facts))).toEqual([]);
    expect(ids(filterOutline(entries, { kind: 'threads' }, facts))).toEqual(['c-2', 's-2-1', 'm-3']);
  });

  it('counts open threads as the comments plugin sees them, party threads included', () => {
    const counted = withThreadCounts(facts, new Map([['m-1', 2]]));
    expect(counted.get('m-1')?.openThreads).toBe(2);
    expect(counted.get('m-3')?.openThreads).toBe(0);
    expect(counted.get('m-2')?.status).toBe('disputed');
    expect(ids(filterOutline(entries, { kind: 'threads' }, counted))).toEqual(['c-1', 's-1-1', 'm-1']);
    expect(withThreadCounts(facts, undefined)).toBe(facts);
  });
});
