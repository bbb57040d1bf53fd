import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAgenda } from '../../shared/agenda/parse.js';
import { openSqliteStore } from '../../server/storage/sqlite.js';
import { akkoord } from '../helpers/cli.js';

const fixture = (name: string) => path.resolve('fixtures', name);
const original = parseAgenda(fs.readFileSync(fixture('d66-cda-uitnodiging-2025.txt'), 'utf8'));
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-import-cli-'));

describe('npx akkoord parse and import with PDF and Word files', () => {
  it.each(['agendas/d66-cda.pdf', 'agendas/d66-cda.docx', 'agendas/d66-cda-andere-opsommingen.txt'])(
    'parse %s --json prints the same agenda JSON as the D66–CDA text',
    (name) => {
      const result = akkoord(['parse', fixture(name), '--json'], tmp());
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(original);
    },
  );

  it('imports a PDF under an id', async () => {
    const dir = tmp();
    const result = akkoord(['import', fixture('agendas/d66-cda.pdf'), '--id', 'uit-pdf'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Document uit-pdf opgeslagen');
    const store = openSqliteStore(path.join(dir, 'akkoord.sqlite'));
    try {
      expect(await store.getBaseline('uit-pdf')).toEqual(original);
    } finally {
      await store.close();
    }
  });

  it.each([
    ['agendas/fout/versleuteld.pdf', /wachtwoord/u],
    ['agendas/fout/scan.pdf', /geen tekst/u],
    ['agendas/fout/beschadigd.docx', /beschadigd/u],
    ['agendas/fout/zonder-structuur.txt', /Geen hoofdstukken/u],
  ])('refuses %s with one sentence, a non-zero exit and nothing stored', (name, message) => {
    const dir = tmp();
    const result = akkoord(['import', fixture(name), '--id', 'fout'], dir);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'akkoord.sqlite'))).toBe(false);
  });

  it('refuses a PDF over 20 MB', () => {
    const dir = tmp();
    const file = path.join(dir, 'groot.pdf');
    fs.writeFileSync(file, Buffer.alloc(20 * 1024 * 1024 + 1));
    const result = akkoord(['parse', file, '--json'], dir);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/groter dan 20 MB/u);
  });
});
