import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

// A copy of the checkout's sources (node_modules linked) without dist-server/, as a fresh clone has it; the
// copy is edited, so the real tree is never touched while other tests use its build.
let checkout: string;
const run = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(checkout, 'bin/akkoord.mjs'), ...args], {
    cwd: checkout,
    env: { ...process.env, AKKOORD_DATA: path.join(checkout, 'data') },
    encoding: 'utf8',
  });
const cliBuild = () => path.join(checkout, 'dist-server/cli.js');

beforeAll(() => {
  checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-build-'));
  for (const dir of ['bin', 'scripts', 'server', 'shared'])
    fs.cpSync(path.join(ROOT, dir), path.join(checkout, dir), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(checkout, 'package.json'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
});

afterAll(() => fs.rmSync(checkout, { recursive: true, force: true }));

describe('npx akkoord runs the built command line', () => {
  it('builds it on first use in a checkout that has never been built', () => {
    expect(fs.existsSync(cliBuild())).toBe(false);
    const result = run('parse', path.join(ROOT, 'fixtures/d66-cda-uitnodiging-2025.txt'), '--json');
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).chapters).toHaveLength(6);
    expect(fs.existsSync(cliBuild())).toBe(true);
  });

  it('runs the existing build without rebuilding while the sources are unchanged', () => {
    const before = fs.statSync(cliBuild()).mtimeMs;
    expect(run('frobnicate').stderr).toMatch(/^Onbekend commando "frobnicate"/);
    expect(fs.statSync(cliBuild()).mtimeMs).toBe(before);
  });

  it('rebuilds before running when a source file changed, so it never runs stale code', () => {
    const main = path.join(checkout, 'server/cli/main.ts');
    fs.writeFileSync(
      main,
      fs.readFileSync(main, 'utf8').replace('Onbekend commando', 'Nieuw onbekend commando'),
    );
    expect(run('frobnicate').stderr).toMatch(/^Nieuw onbekend commando "frobnicate"/);
  });

  it('rebuilds when the record of which sources a build was made from is missing', () => {
    fs.rmSync(path.join(checkout, 'dist-server/build-info.json'));
    fs.writeFileSync(cliBuild(), 'throw new Error("stale build ran");\n');
    expect(run('frobnicate').stderr).toMatch(/^Nieuw onbekend commando "frobnicate"/);
  });
});
