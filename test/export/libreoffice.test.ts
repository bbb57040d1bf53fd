import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../server/export/index.js';
import { EDITS, exportInput } from './fixture.js';

/** The LibreOffice command, or null when it is not installed. */
function soffice(): string | null {
  for (const candidate of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'])
    if (fs.existsSync(candidate)) return candidate;
  return null;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-export-lo-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Converts the files with LibreOffice (its own profile, so parallel runs don't share one) and reads the results. */
function convert(command: string, files: string[], to: 'txt:Text' | 'fodt'): string[] {
  const profile = pathToFileURL(path.join(work, 'profile')).href;
  execFileSync(
    command,
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      to,
      '--outdir',
      path.join(work, 'out'),
      ...files,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const extension = to === 'fodt' ? '.fodt' : '.txt';
  return files.map((file) =>
    fs.readFileSync(path.join(work, 'out', path.basename(file, '.docx') + extension), 'utf8'),
  );
}

describe('the Word export opened in LibreOffice', () => {
  it('shows tracked changes with their authors, and none in the clean document', async () => {
    const command = soffice();
    if (!command)
      throw new Error(
        'LibreOffice is not installed, so this check cannot run: install it with `apt-get install -y libreoffice-writer-nogui`.',
      );
    const marked = path.join(work, 'marked.docx');
    const clean = path.join(work, 'clean.docx');
    fs.writeFileSync(marked, await exportDocx(exportInput()));
    fs.writeFileSync(clean, await exportDocx(exportInput({ changes: 'clean' })));

    // As text, LibreOffice writes the document as shown with changes: deleted and inserted text both.
    const [markedText, cleanText] = convert(command, [marked, clean], 'txt:Text');
    const changedLine = (text: string): string => text.split(/\r?\n/).find((l) => l.startsWith('1.1.2\t'))!;
    expect(changedLine(markedText!)).toContain(`${EDITS.changedOld}${EDITS.changedNew}`);
    expect(changedLine(cleanText!)).toContain(EDITS.changedNew);
    expect(changedLine(cleanText!)).not.toContain(EDITS.changedOld);
    expect(markedText).toContain(EDITS.addedText);

    // Its own format shows they are read as tracked changes, by whom.
    const [markedOdt, cleanOdt] = convert(command, [marked, clean], 'fodt');
    const regions = markedOdt!.match(/<text:changed-region /g) ?? [];
    expect(regions.length).toBeGreaterThan(10);
    const authors = new Set(
      [
        ...markedOdt!.matchAll(
          /<text:(?:insertion|deletion)>\s*<office:change-info>\s*<dc:creator>([^<]*)</g,
        ),
      ].map((m) => m[1]),
    );
    expect([...authors].sort()).toEqual(['Akkoord', 'CDA', 'D66']);
    expect(cleanOdt).not.toContain('<text:changed-region ');
  }, 180_000);
});
