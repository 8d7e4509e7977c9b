import type { AreaTab } from '../tabs';
import Projection from './Projection.svelte';

/** The Analysis area's tabs, in order. Each feature appends one entry (and owns its component). */
export const analysisTabs: AreaTab[] = [
  { value: 'projection', label: (m) => m.series.projectionTab, component: Projection },
];
