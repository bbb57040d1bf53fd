import { joinEarly } from './app/early.js';
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';
import './app/layout/layout.css';

// The text room first: its websocket opens while React and the page's code are read (their files are
// preloaded from index.html, see vite.config.ts), and while /api/me is asked.
joinEarly(location.pathname);
void import('./app/boot.js').then((m) => m.boot());
