import type { Feature } from '../app/feature.js';
import { NotesPanel } from './NotesPanel.js';

/** Private notes per party, in the party's own room. */
export const notesFeature: Feature = { id: 'notes', label: 'notesTab', Panel: NotesPanel };
