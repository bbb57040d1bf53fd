import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: the only browser this project's machines can install (no browser downloads). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * The flags the machine needs: headless as root, and no background traffic to hosts this closed network
 * refuses. Playwright gives every launch a fresh, empty user-data-dir of its own.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Makes sure Chromium is installed: as root it installs Debian's package; otherwise it stops with a sentence
 * saying how. Browser tests never skip silently.
 */
export function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Chromium ontbreekt (${CHROMIUM}). Installeer het met: sudo apt-get update && sudo apt-get install -y chromium`,
    );
  }
  console.log('Chromium ontbreekt; installeren met apt-get (eenmalig)…');
  execSync('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium', {
    stdio: 'inherit',
  });
  if (!fs.existsSync(CHROMIUM))
    throw new Error('apt-get installeerde Chromium niet; zie de uitvoer hierboven.');
}

export async function launchChromium(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
