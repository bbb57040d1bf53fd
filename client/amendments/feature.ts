import type { Feature } from '../app/feature.js';
import { AmendmentsPanel } from './AmendmentsPanel.js';
import { DashboardPanel } from './DashboardPanel.js';
import { NegotiationBridge } from './Bridge.js';
import { negotiationPlugin } from './plugin.js';
import './amendments.css';

/**
 * Amendments per measure, positions and the state of the negotiation (issue 4): the "Amendementen" tab with
 * the editor's badges and status edges, and the "Stand van zaken" tab.
 */
export const amendmentsFeatures: Feature[] = [
  {
    id: 'amendments',
    label: 'amendmentsTab',
    Panel: AmendmentsPanel,
    Toolbar: NegotiationBridge,
    plugins: () => [negotiationPlugin()],
  },
  { id: 'dashboard', label: 'dashboardTab', Panel: DashboardPanel },
];
