import type { AreaTab } from '../tabs';
import ResponsesGrid from './ResponsesGrid.svelte';
import SeriesData from './SeriesData.svelte';
import Transfer from './Transfer.svelte';

/** The Data area's tabs, in order. Each feature appends one entry (and owns its component). */
export const dataTabs: AreaTab[] = [
  { value: 'responses', label: (m) => m.entry.grid.tab, component: ResponsesGrid },
  { value: 'series', label: (m) => m.series.dataTab, component: SeriesData },
  { value: 'transfer', label: (m) => m.transfer.tab, component: Transfer },
];
