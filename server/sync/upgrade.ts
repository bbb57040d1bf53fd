import type http from 'node:http';
import type { SyncSettings } from './settings.js';

/**
 * Options for the HTTP server that serves the sync upgrades: a connection that has not sent a complete
 * request (the upgrade's headers) within the upgrade timeout is closed. Node checks its open connections
 * every `connectionsCheckingInterval`, so that is kept well below the timeout.
 */
export function httpServerOptions(settings: SyncSettings): http.ServerOptions {
  return {
    headersTimeout: settings.upgradeTimeoutMs,
    requestTimeout: Math.max(settings.upgradeTimeoutMs, 300_000),
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(settings.upgradeTimeoutMs / 4))),
  };
}
