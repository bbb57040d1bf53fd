import { afterEarlyText, startEarly } from './app/early.js';
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';
import './app/layout/layout.css';

// The text first: its room is joined and /api/me asked at once, and the text shows as soon as it has synced;
// React and the page's code are fetched and read after that first frame (preloading them made them compete
// with the text on a busy machine), or at once when there is no text to wait for.
startEarly(location.pathname);
void afterEarlyText()
  .then(() => import('./app/boot.js'))
  .then((m) => m.boot());
