/** LibreOffice in tests: converting a .docx to text, and accepting or rejecting all its tracked changes. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The LibreOffice command; throws with the command that installs it when it is not there. */
export function soffice(): string {
  for (const candidate of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'])
    if (fs.existsSync(candidate)) return candidate;
  throw new Error(
    'LibreOffice is not installed, so this check cannot run: install it with `apt-get install -y libreoffice-writer-nogui`.',
  );
}

/** A Basic macro that opens a document, accepts or rejects every tracked change, and stores it as text. */
const MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub AllChanges(src As String, dst As String, mode As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, load())
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  If mode = &quot;accept&quot; Then
    helper.executeDispatch(doc.getCurrentController().getFrame(), &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Else
    helper.executeDispatch(doc.getCurrentController().getFrame(), &quot;.uno:RejectAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  End If
  Dim store(0) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot;
  store(0).Value = &quot;Text&quot;
  doc.storeToURL(ConvertToURL(dst), store())
  doc.close(True)
End Sub
</script:module>`;

/** LibreOffice with its own profile in `work` (so parallel runs do not share one). */
export function libreOffice(work: string) {
  const command = soffice();
  const profileDir = path.join(work, 'profile');
  const env = `-env:UserInstallation=${pathToFileURL(profileDir).href}`;
  const run = (args: string[]) =>
    execFileSync(command, [env, '--headless', ...args], { stdio: 'pipe', timeout: 120_000 });
  const readText = (file: string) => fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return {
    /** The documents as text, as LibreOffice shows them (with tracked changes: both old and new text). */
    toText(files: string[]): string[] {
      const out = path.join(work, 'out');
      run(['--convert-to', 'txt:Text', '--outdir', out, ...files]);
      return files.map((file) => readText(path.join(out, path.basename(file, '.docx') + '.txt')));
    },
    /** The document as text after LibreOffice's "accept all" or "reject all" of its tracked changes. */
    allChanges(file: string, mode: 'accept' | 'reject'): string {
      const module = path.join(profileDir, 'user/basic/Standard/Module1.xba');
      // The first start makes the profile (with an empty Standard library); the macro goes into it.
      if (!fs.existsSync(module)) this.toText([file]);
      fs.writeFileSync(module, MODULE);
      const target = path.join(work, `${path.basename(file, '.docx')}-${mode}.txt`);
      run([`macro:///Standard.Module1.AllChanges("${file}","${target}","${mode}")`]);
      return readText(target);
    },
  };
}
