import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { akkoord } from '../helpers/cli.js';
import { openSqliteStore } from '../../server/storage/sqlite.js';

const AGENDA = path.resolve('fixtures/d66-cda-uitnodiging-2025.txt');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-cli-'));
const documentsIn = async (dir: string) => {
  const store = openSqliteStore(path.join(dir, 'akkoord.sqlite'));
  try {
    return (await store.listDocuments()).map((d) => d.id);
  } finally {
    await store.close();
  }
};

describe('npx akkoord parse and import', () => {
  it('prints the agenda JSON without storing anything', () => {
    const dir = tmp();
    const result = akkoord(['parse', AGENDA, '--json'], dir);
    expect(result.code).toBe(0);
    const agenda = JSON.parse(result.stdout);
    expect(agenda.title).toBe('Samen aan de slag voor een sterker Nederland');
    expect(agenda.chapters).toHaveLength(6);
    expect(fs.existsSync(path.join(dir, 'akkoord.sqlite'))).toBe(false);
  });

  it('imports an agenda under an id and refuses the same id again unless --replace', async () => {
    const dir = tmp();
    expect(akkoord(['import', AGENDA, '--id', 'ronde-1'], dir).code).toBe(0);
    const again = akkoord(['import', AGENDA, '--id', 'ronde-1'], dir);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/bestaat al.*--replace/);
    expect(
      akkoord(['import', AGENDA, '--id', 'ronde-1', '--replace', '--title', 'Nieuwe titel'], dir).code,
    ).toBe(0);
    expect(await documentsIn(dir)).toEqual(['ronde-1']);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /leeg/],
    ['a binary file', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x00, 0x08]), /binair/],
    ['a file that is not UTF-8', Buffer.from('Hoofdstuk \xe9\xe9n', 'latin1'), /UTF-8/],
    ['text without structure', Buffer.from('gewoon een zin zonder kopjes.\nnog een regel.\n'), /.+/],
    ['a file over 20 MB', Buffer.alloc(20 * 1024 * 1024 + 1, 'a'), /20 MB/],
  ])('refuses %s with one sentence and stores nothing', async (_name, bytes, message) => {
    const dir = tmp();
    const file = path.join(dir, 'agenda.txt');
    fs.writeFileSync(file, bytes);
    const result = akkoord(['import', file, '--id', 'fout'], dir);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'akkoord.sqlite')) ? await documentsIn(dir) : []).toEqual([]);
  });
});

describe('npx akkoord exit codes', () => {
  it('exits with the code of the kind of failure, one sentence on stderr', () => {
    const dir = tmp();
    akkoord(['import', AGENDA, '--id', 'd66-cda'], dir);
    const runs = [
      akkoord(['import', AGENDA, '--id', 'Fout Id'], dir),
      akkoord(['export', 'onbekend', '--format', 'md', '-o', path.join(dir, 'x.md')], dir),
      akkoord(['import', AGENDA, '--id', 'd66-cda'], dir),
    ];
    expect(runs.map((r) => r.code)).toEqual([65, 66, 73]);
    for (const run of runs) expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(runs[1]!.stderr).toContain('Er is geen document met id "onbekend"');
  });
});

describe('npx akkoord invite, revoke, backup, restore and verify', () => {
  it('invites a person with a signed link and revokes them', () => {
    const dir = tmp();
    akkoord(['import', AGENDA, '--id', 'd66-cda'], dir);
    const invited = akkoord(
      ['invite', '--doc', 'd66-cda', '--party', 'VVD', '--role', 'negotiator', '--name', 'Dilan', '--json'],
      dir,
    );
    expect(invited.code).toBe(0);
    const { token, url, person } = JSON.parse(invited.stdout);
    expect(url).toContain(`/signin#token=${encodeURIComponent(token)}`);
    const wrongParty = akkoord(
      ['invite', '--doc', 'd66-cda', '--party', 'PVV', '--role', 'negotiator', '--name', 'X'],
      dir,
    );
    expect(wrongParty.code).not.toBe(0);
    expect(wrongParty.stderr).toContain('PVV');
    expect(akkoord(['revoke', '--person', person], dir).code).toBe(0);
  });

  it('makes a backup, restores it, and verify finds a hand edit of the database', async () => {
    const dir = tmp();
    akkoord(['import', AGENDA, '--id', 'd66-cda'], dir);
    const backup = path.join(dir, 'kopie.sqlite');
    expect(akkoord(['backup', backup], dir).code).toBe(0);
    // The copy holds every party's drafts: its owner alone reads it.
    if (process.platform !== 'win32') expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
    expect(akkoord(['verify'], dir).code).toBe(0);

    // Someone edits a stored update by hand.
    const store = openSqliteStore(path.join(dir, 'akkoord.sqlite'));
    store.db.prepare("UPDATE updates SET data = x'00' WHERE seq = (SELECT MIN(seq) FROM updates)").run();
    await store.close();
    const tampered = akkoord(['verify'], dir);
    expect(tampered.code).not.toBe(0);
    expect(tampered.stderr).toContain('gewijzigd');

    expect(akkoord(['restore', backup], dir).code).toBe(0);
    expect(akkoord(['verify'], dir).code).toBe(0);
    expect(await documentsIn(dir)).toEqual(['d66-cda']);
  });

  it('refuses to restore a file that is not a backup, and changes nothing', async () => {
    const dir = tmp();
    akkoord(['import', AGENDA, '--id', 'd66-cda'], dir);
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'dit is geen database');
    const result = akkoord(['restore', junk], dir);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('geen bruikbare');
    expect(await documentsIn(dir)).toEqual(['d66-cda']);
  });

  it('detects a damaged database at start with a clear message instead of serving half of it', () => {
    const dir = tmp();
    akkoord(['import', AGENDA, '--id', 'd66-cda'], dir);
    const file = path.join(dir, 'akkoord.sqlite');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
    fs.rmSync(file + '-wal', { force: true });
    const result = akkoord(['verify'], dir);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/beschadigd/);
  });
});
