// First: configures zod before any module makes a schema (see noEval.ts).
import './app/noEval.js';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';

// No StrictMode: its double mount destroys the first editor right after creating it, and y-prosemirror
// still dispatches a batched cursor update to that destroyed view (which throws and drops the batch).
createRoot(document.getElementById('root')!).render(<App />);
