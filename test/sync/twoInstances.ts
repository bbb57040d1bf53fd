import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { connectClient, firstMeasure, synced } from '../helpers/clients.js';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';

/** The numbered words with a letter in a client's first measure, as a set: `a17` → 17. */
export function words(client: { fragment: Y.XmlFragment }, letter: string): Set<number> {
  const re = new RegExp(`\\b${letter}(\\d+)\\b`, 'g');
  return new Set([...firstMeasure(client.fragment).toString().matchAll(re)].map((m) => Number(m[1])));
}

/** Appends a word to a client's first measure. */
export function type(client: { fragment: Y.XmlFragment }, word: string): void {
  const text = firstMeasure(client.fragment);
  text.insert(text.length, ` ${word}`);
}

/** The websocket address of a server process's sync. */
export const wsOf = (server: ServerProcess) => `${server.url.replace('http', 'ws')}/sync`;

/** A stock y-websocket client of the d66-cda text room on a server, synced. */
export async function textClient(server: ServerProcess, token: string) {
  const client = connectClient(wsOf(server), 'd66-cda', { token });
  await synced(client.provider);
  return client;
}

/**
 * One data folder (one SQLite file, WAL) shared by instances that keep their rooms in step through Redis,
 * under a channel prefix of this test's own. The second and later instances start only after the first is
 * up, so the first alone migrates and seeds.
 */
export function sharedSetting(redisUrl: string, more: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-instances-'));
  const env = { REDIS_URL: redisUrl, AKKOORD_REDIS_PREFIX: `akkoord-test-${randomUUID()}`, ...more };
  return { dir, env, start: () => startServerProcess(dir, 'built', env) };
}
