import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectClient, eventually, firstMeasure, synced } from '../helpers/clients.js';
import { chairTokenFrom, startServerProcess, type ServerProcess } from '../helpers/process.js';
import * as Y from 'yjs';

/** The numbered words an editor appended, as a set: `w17` → 17. */
const words = (text: string) => new Set([...text.matchAll(/\bw(\d+)\b/g)].map((m) => Number(m[1])));

let server: ServerProcess | null = null;
afterAll(async () => server?.kill());

describe('nothing is lost when the server is killed', () => {
  it('keeps every change any client had received through SIGKILLs at random moments, and merges offline edits', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-crash-'));
    server = await startServerProcess(dir);
    const token = chairTokenFrom(server.output());
    const ws = () => `${server!.url.replace('http', 'ws')}/sync`;

    const writer = connectClient(ws(), 'd66-cda', { token });
    await synced(writer.provider);
    let n = 0;
    const seenBeforeCrash: Set<number>[] = [];

    for (let crash = 0; crash < 3; crash++) {
      const watcher = connectClient(ws(), 'd66-cda', { token });
      await synced(watcher.provider);
      // Edits stream in; the watcher sees those the server stored and forwarded.
      const typing = setInterval(() => {
        const text = firstMeasure(writer.fragment);
        text.insert(text.length, ` w${++n}`);
      }, 5);
      await new Promise((r) => setTimeout(r, 150 + Math.floor(Math.random() * 250)));
      await server.kill();
      clearInterval(typing);
      seenBeforeCrash.push(words(firstMeasure(watcher.fragment).toString()));
      watcher.provider.destroy();
      // The writer keeps typing offline.
      for (let i = 0; i < 5; i++) {
        const text = firstMeasure(writer.fragment);
        text.insert(text.length, ` w${++n}`);
      }
      writer.provider.disconnect();
      server = await startServerProcess(dir);
      // A fresh reader, before the writer is back: everything the watcher had seen is there.
      const reader = connectClient(`${server.url.replace('http', 'ws')}/sync`, 'd66-cda', { token });
      await synced(reader.provider);
      const stored = words(firstMeasure(reader.fragment).toString());
      for (const w of seenBeforeCrash.at(-1)!) expect(stored.has(w)).toBe(true);
      reader.provider.destroy();
      // The writer reconnects (to the new port) and its offline edits merge.
      writer.provider.destroy();
      const back = connectClient(`${server.url.replace('http', 'ws')}/sync`, 'd66-cda', { token });
      Y.applyUpdate(back.doc, Y.encodeStateAsUpdate(writer.doc));
      await synced(back.provider);
      const check = connectClient(`${server.url.replace('http', 'ws')}/sync`, 'd66-cda', { token });
      await synced(check.provider);
      await eventually(() => words(firstMeasure(check.fragment).toString()).size === n);
      check.provider.destroy();
      Object.assign(writer, { doc: back.doc, provider: back.provider, fragment: back.fragment });
    }
    expect(n).toBeGreaterThan(15);
    writer.provider.destroy();
  });
});
