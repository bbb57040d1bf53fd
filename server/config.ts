import path from 'node:path';

/** Where Akkoord keeps its data: AKKOORD_DATA, else ./data. The server and the command line agree on it. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.AKKOORD_DATA ?? 'data');
}

/** The SQLite file inside the data directory. */
export function databaseFile(dir: string): string {
  return path.join(dir, 'akkoord.sqlite');
}

/** The port: PORT, else 8080. */
export function port(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.PORT ?? 8080);
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new RangeError(`Ongeldige PORT: ${env.PORT}`);
  return value;
}

/**
 * How many hours a browser session lives without use: AKKOORD_SESSION_IDLE_HOURS (a positive number, fractions
 * allowed), else 12.
 */
export function sessionIdleHours(env: NodeJS.ProcessEnv = process.env, fallback = 12): number {
  const raw = env.AKKOORD_SESSION_IDLE_HOURS;
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`Ongeldige AKKOORD_SESSION_IDLE_HOURS: ${raw} (een positief aantal uren)`);
  return value;
}

/**
 * The Redis that instances sharing a database use to keep their rooms in step: REDIS_URL (redis:// or
 * rediss://), else null (one instance, no Redis). AKKOORD_REDIS_PREFIX names its channels and keys
 * (`akkoord` by default), so several installations can share one Redis.
 */
export function redisSettings(env: NodeJS.ProcessEnv = process.env): { url: string; prefix: string } | null {
  const url = env.REDIS_URL?.trim();
  if (!url) return null;
  if (!/^rediss?:\/\//.test(url))
    throw new RangeError(`Ongeldige REDIS_URL: ${url} (verwacht redis://host:poort of rediss://…)`);
  return { url, prefix: env.AKKOORD_REDIS_PREFIX?.trim() || 'akkoord' };
}
