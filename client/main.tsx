import { startEarly } from './app/early.js';
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';
import './app/layout/layout.css';

// The text first: its room is joined and /api/me asked while React and the page's code are read (their
// files are preloaded from index.html, see vite.config.ts), and the text shows as soon as it has synced.
startEarly(location.pathname);
void import('./app/boot.js').then((m) => m.boot());
