/**
 * The limits on what one person or connection may cost, each a setting: an environment variable with a
 * default. Read once when the server starts (`syncSettings()`), so a running server has one set of limits.
 */
export interface SyncSettings {
  /** AKKOORD_AWARENESS_STATE_BYTES: one awareness state (name, colour, cursor) is a few hundred bytes. */
  awarenessStateBytes: number;
  /** AKKOORD_AWARENESS_PER_SECOND: own awareness states relayed per connection per second; more are merged. */
  awarenessPerSecond: number;
  /**
   * AKKOORD_WRITE_BYTES_PER_MINUTE: update bytes a person may write in one room per minute, over all their
   * connections (so reconnecting does not reset it). Typing is a few KB a minute; a pasted chapter ~50 KB.
   */
  writeBytesPerMinute: number;
  /** AKKOORD_TEXT_ROOM_BYTES: the agenda text room's size; the D66–CDA agenda is ~90 KB, 900 measures ~1 MB. */
  textRoomBytes: number;
  /** AKKOORD_PARTY_ROOM_BYTES: a party room (notes, drafts, party threads). */
  partyRoomBytes: number;
  /** AKKOORD_CONNECTIONS_PER_PERSON: open websockets per person (tabs × rooms: a page opens up to five). */
  connectionsPerPerson: number;
  /** AKKOORD_UPGRADE_TIMEOUT_MS: a connection must complete its HTTP request (and upgrade) within this time. */
  upgradeTimeoutMs: number;
}

const MiB = 1024 * 1024;

/** The defaults, as documented in the README. */
export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  awarenessStateBytes: 8 * 1024,
  awarenessPerSecond: 10,
  writeBytesPerMinute: 4 * MiB,
  textRoomBytes: 32 * MiB,
  partyRoomBytes: 8 * MiB,
  connectionsPerPerson: 20,
  upgradeTimeoutMs: 10_000,
};

const VARIABLES: Record<keyof SyncSettings, string> = {
  awarenessStateBytes: 'AKKOORD_AWARENESS_STATE_BYTES',
  awarenessPerSecond: 'AKKOORD_AWARENESS_PER_SECOND',
  writeBytesPerMinute: 'AKKOORD_WRITE_BYTES_PER_MINUTE',
  textRoomBytes: 'AKKOORD_TEXT_ROOM_BYTES',
  partyRoomBytes: 'AKKOORD_PARTY_ROOM_BYTES',
  connectionsPerPerson: 'AKKOORD_CONNECTIONS_PER_PERSON',
  upgradeTimeoutMs: 'AKKOORD_UPGRADE_TIMEOUT_MS',
};

/** The settings from the environment; a value that is not a positive integer stops the start with its name. */
export function syncSettings(env: NodeJS.ProcessEnv = process.env): SyncSettings {
  const out = { ...DEFAULT_SYNC_SETTINGS };
  for (const key of Object.keys(VARIABLES) as (keyof SyncSettings)[]) {
    const raw = env[VARIABLES[key]];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0)
      throw new RangeError(`Ongeldige ${VARIABLES[key]}: ${raw}`);
    out[key] = value;
  }
  return out;
}
