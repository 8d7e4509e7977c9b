import type { AreaTab } from '../tabs';

/** The Analysis area's tabs, in order. Each feature appends one entry (and owns its component). */
export const analysisTabs: AreaTab[] = [];
