import type { Feature } from '../app/feature.js';
import { ExportButton } from './ExportButton.js';
import './export.css';

/** Export of the amended draft (issue 7): a toolbar button that opens the export dialog. */
export const exportFeature: Feature = {
  id: 'export',
  Toolbar: ExportButton,
};
