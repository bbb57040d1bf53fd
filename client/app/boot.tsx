import { createRoot } from 'react-dom/client';
import { App } from './App.js';

/** Renders the app: a chunk of its own, read while the text room already syncs (see main.tsx). */
export function boot(): void {
  // No StrictMode: its double mount destroys the first editor right after creating it, and y-prosemirror
  // still dispatches a batched cursor update to that destroyed view (which throws and drops the batch).
  createRoot(document.getElementById('root')!).render(<App />);
}
