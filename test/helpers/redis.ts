import { execSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The machine's shared Redis (the project's machines and CI run one here). */
export const SHARED_REDIS = { host: '127.0.0.1', port: 6379 };

/** Whether something answers Redis' PING on a port. */
export function redisAnswers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

/** The redis-server program, installed from Debian's packages when the machine has none. */
export function redisServerBinary(): string {
  const find = () => {
    try {
      return execSync('command -v redis-server', { encoding: 'utf8', shell: '/bin/sh' }).trim();
    } catch {
      return '';
    }
  };
  let binary = find();
  if (!binary) {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server', {
      stdio: 'inherit',
      shell: '/bin/sh',
    });
    binary = find();
  }
  if (!binary) throw new Error('redis-server is not installed and could not be installed with apt-get');
  return binary;
}

/**
 * Makes sure the machine's shared Redis runs on 127.0.0.1:6379 (installed and started as a daemon when
 * absent, as on a fresh machine), and returns its URL.
 */
export async function ensureSharedRedis(): Promise<string> {
  const url = `redis://${SHARED_REDIS.host}:${SHARED_REDIS.port}`;
  if (await redisAnswers(SHARED_REDIS.port)) return url;
  const binary = redisServerBinary();
  fs.mkdirSync('/var/lib/redis', { recursive: true });
  fs.mkdirSync('/var/log/redis', { recursive: true });
  execSync(
    `${binary} --daemonize yes --bind 127.0.0.1 -::1 --port ${SHARED_REDIS.port} --save "" --appendonly no ` +
      '--dir /var/lib/redis --logfile /var/log/redis/ci.log',
    { stdio: 'inherit', shell: '/bin/sh' },
  );
  for (let i = 0; i < 100 && !(await redisAnswers(SHARED_REDIS.port)); i++)
    await new Promise((r) => setTimeout(r, 50));
  if (!(await redisAnswers(SHARED_REDIS.port))) throw new Error('The shared Redis did not start');
  return url;
}

/** A Redis of a test's own, on its own port, that the test may stop and start again. */
export interface OwnRedis {
  url: string;
  port: number;
  /** Stops it (SIGKILL: as a crashed or restarted Redis, nothing kept). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a Redis of the test's own (no persistence: a restart forgets everything, as a new one would). */
export async function startOwnRedis(): Promise<OwnRedis> {
  const binary = redisServerBinary();
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-redis-'));
  let child: ChildProcess | null = null;
  const own: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      child = spawn(
        binary,
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
        { stdio: 'ignore' },
      );
      for (let i = 0; i < 200 && !(await redisAnswers(port)); i++)
        await new Promise((r) => setTimeout(r, 25));
      if (!(await redisAnswers(port))) throw new Error(`Redis on port ${port} did not start`);
    },
    stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null || running.signalCode !== null) return Promise.resolve();
      return new Promise((done) => {
        running.once('exit', () => done());
        running.kill('SIGKILL');
      });
    },
  };
  await own.start();
  return own;
}
