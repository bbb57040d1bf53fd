import type { Feature } from '../app/feature.js';
import { CommentsPanel } from './Panel.js';
import { CommentsToolbar } from './Toolbar.js';
import { commentsPlugin } from './plugin.js';
import './comments.css';

/** Comment threads on the text: the margin tab "Opmerkingen", the "Opmerking" button, and the highlights. */
export const commentsFeature: Feature = {
  id: 'comments',
  label: 'commentsTab',
  Panel: CommentsPanel,
  Toolbar: CommentsToolbar,
  plugins: () => [commentsPlugin()],
};
