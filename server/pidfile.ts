import fs from 'node:fs';
import path from 'node:path';

const PID_FILE = 'server.pid';

/** Marks the data directory as served by this process; returns a function that removes the mark. */
export function writePidFile(dir: string): () => void {
  const file = path.join(dir, PID_FILE);
  fs.writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.rmSync(file);
    } catch {
      // already gone
    }
  };
}

/** Whether a live server process serves this data directory (a stale mark of a killed one does not count). */
export function serverRunning(dir: string): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(dir, PID_FILE), 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
