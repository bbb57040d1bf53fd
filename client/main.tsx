import { createRoot } from 'react-dom/client';
import { App, joinEarly } from './app/App.js';
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';

// No StrictMode: its double mount destroys the first editor right after creating it, and y-prosemirror
// still dispatches a batched cursor update to that destroyed view (which throws and drops the batch).
joinEarly();
createRoot(document.getElementById('root')!).render(<App />);
