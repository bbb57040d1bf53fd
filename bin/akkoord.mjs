#!/usr/bin/env node
// The `akkoord` command: runs the TypeScript command line through tsx, so the checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
