import { useState } from 'react';
import { api } from '../app/session.js';

/**
 * Calls the API for a button and keeps the server's sentence when it refuses. The result itself arrives
 * through the meta or party room, live, like everyone else's changes.
 */
export function useAct(): {
  error: string | null;
  busy: boolean;
  act: (method: string, url: string, body?: unknown) => Promise<unknown>;
} {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (method: string, url: string, body?: unknown) => {
    setBusy(true);
    setError(null);
    try {
      return await api(method, url, body);
    } catch (err) {
      setError((err as Error).message);
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, act };
}
