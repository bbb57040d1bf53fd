import type express from 'express';
import type { AppContext } from './context.js';
import type { Migration } from './storage/migrations.js';

/** Ends what a feature's `start` began (a timer, a subscription); called once, when the server closes. */
export type Stop = () => void;

/**
 * A feature of the server, declared once and listed in `server/features.ts` (the counterpart of the client's
 * `client/app/features.ts`). `startApp` mounts every feature's routers under `/api` and then starts each
 * one, in list order, before the server listens; `close()` stops them in reverse order. Routers only
 * answer requests: work at start-up or in the background belongs in `start`.
 */
export interface ServerFeature {
  /** A short name, for logs and the table of contents. */
  name: string;
  /** The migrations that make this feature's tables: entries of the one list in `storage/migrations.ts`. */
  migrations?: readonly Migration[];
  /** The feature's API, mounted under `/api` in list order. */
  routers?: readonly ((ctx: AppContext) => express.Router)[];
  /** Work while the server runs (mirroring stored state into rooms, timers); returns how to stop it. */
  start?: (ctx: AppContext) => Stop | void | Promise<Stop | void>;
}

/**
 * Starts `features` in order and returns one stop for all of them (which stops them in reverse order, once).
 * When a start throws, the features started before it are stopped again and the error is passed on.
 */
export async function startFeatures(features: readonly ServerFeature[], ctx: AppContext): Promise<Stop> {
  const stops: Stop[] = [];
  const stopAll = () => {
    for (const stop of stops.splice(0).reverse()) stop();
  };
  try {
    for (const feature of features) {
      const stop = await feature.start?.(ctx);
      if (stop) stops.push(stop);
    }
  } catch (err) {
    stopAll();
    throw err;
  }
  return stopAll;
}
