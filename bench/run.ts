// Runs every benchmark in turn: npm run bench
import { execSync } from 'node:child_process';
import fs from 'node:fs';

execSync('npx vite build --logLevel error', { stdio: 'inherit' });
for (const file of fs
  .readdirSync('bench')
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'stats.ts', 'generate.ts'].includes(f))) {
  console.log(`\n== ${file}`);
  execSync(`npx tsx bench/${file}`, { stdio: 'inherit' });
}
