import type { AreaTab } from '../tabs';

/** The Data area's tabs, in order. Each feature appends one entry (and owns its component). */
export const dataTabs: AreaTab[] = [];
