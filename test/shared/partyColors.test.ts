import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DEFAULT_PARTIES } from '../../shared/auth/person.js';
import { MIGRATIONS } from '../../server/storage/migrations.js';
import { migrateSqlite } from '../../server/storage/sqlite/migrate.js';
import { SqlitePeople } from '../../server/storage/sqlite/people.js';
import { contrast, deltaE, hueDifference, lab, tint } from '../../shared/auth/colors.js';

/** The page's backgrounds: the paper and the desk around it (client/styles.css). */
const PAPER = '#ffffff';
const DESK = '#f2f4f7';
/** Below this chroma a colour reads as grey: its hue says nothing, its greyness tells it apart. */
const GREY = 12;

const pairs = DEFAULT_PARTIES.flatMap((a, i) => DEFAULT_PARTIES.slice(i + 1).map((b) => [a, b] as const));

describe('the default parties’ colours', () => {
  it.each(DEFAULT_PARTIES.map((p) => [p.short, p.color]))(
    '%s (%s) reads as text on the paper, the desk and its own mention tint, and carries white text',
    (_short, color) => {
      expect(contrast(color, PAPER)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(color, DESK)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(color, tint(color, 0.1))).toBeGreaterThanOrEqual(4.5);
    },
  );

  it.each(pairs.map(([a, b]) => [a.short, b.short, a.color, b.color]))(
    '%s and %s differ in hue and in lightness',
    (_a, _b, a, b) => {
      expect(deltaE(a, b)).toBeGreaterThanOrEqual(20);
      expect(Math.abs(lab(a).l - lab(b).l)).toBeGreaterThanOrEqual(5);
      const greys = [a, b].filter((c) => lab(c).chroma < GREY).length;
      if (greys === 0) expect(hueDifference(a, b)).toBeGreaterThanOrEqual(30);
      else expect(Math.abs(lab(a).chroma - lab(b).chroma)).toBeGreaterThanOrEqual(GREY);
      // Side by side they are told apart by more than their hue (a contrast of their own).
      expect(contrast(a, b)).toBeGreaterThanOrEqual(1.15);
    },
  );

  it('gives D66 and CDA, once two greens, clearly different colours', () => {
    const [d66, cda] = ['D66', 'CDA'].map((s) => DEFAULT_PARTIES.find((p) => p.short === s)!.color);
    expect(deltaE(d66!, cda!)).toBeGreaterThanOrEqual(40);
    expect(contrast(d66!, cda!)).toBeGreaterThanOrEqual(2);
  });
});

describe('a document made before the new colours', () => {
  it('gets the new default colours where it still had the old ones, and keeps a colour the chair chose', () => {
    const db = new Database(':memory:');
    const recolour = MIGRATIONS.find((m) => m.name === 'party colours that differ in hue and lightness')!;
    migrateSqlite(
      db,
      MIGRATIONS.filter((m) => m.version < recolour.version),
    );
    const people = new SqlitePeople(db);
    people.addParty('doc', { short: 'D66', name: 'D66', color: '#00a651' });
    people.addParty('doc', { short: 'CDA', name: 'CDA', color: '#123456' });
    migrateSqlite(db);
    expect(people.parties('doc').map((p) => [p.short, p.color])).toEqual([
      ['D66', '#237e12'],
      ['CDA', '#123456'],
    ]);
  });
});
