#!/usr/bin/env node
// The `akkoord` command: runs the built command line (dist-server/cli.js) on plain Node. When that build is
// missing or was made from other sources than those on disk, it is built first (esbuild, a fraction of a
// second), so a fresh clone needs no build step and a changed checkout never runs stale code.
import { ensureServerBuild } from '../scripts/build-server.mjs';

await ensureServerBuild();
await import('../dist-server/cli.js');
