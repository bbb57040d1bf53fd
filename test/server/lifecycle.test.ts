import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('starting and closing the app', () => {
  it('leaves no timer, interval or server behind after close(), so its process exits on its own', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/startAndClose.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // The script never calls process.exit: it ends only when nothing keeps it alive (else the test times out).
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
    const { before, running, closed } = JSON.parse(out) as Record<string, string[]>;
    // While up: the listening server, the revocation sweep and the daily versions' check.
    expect(running!.filter((r) => r === 'Timeout').length).toBeGreaterThanOrEqual(2);
    expect(running!).toContain('TCPServerWrap');
    // Lasting handles only: a pending one-shot request — a file read (FSReq…), a handle being closed
    // (CloseReq) — ends by itself and differs run to run; timers, servers and sockets do not.
    const lasting = (resources: string[]) => resources.filter((r) => !/^FSReq|^CloseReq$/.test(r));
    expect(lasting(closed!)).toEqual(lasting(before!));
  });
});
