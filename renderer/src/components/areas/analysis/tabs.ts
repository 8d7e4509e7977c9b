import type { AreaTab } from '../tabs';
import FrequenciesTab from './survey/FrequenciesTab.svelte';
import CrosstabTab from './survey/CrosstabTab.svelte';
import IndexTab from './survey/IndexTab.svelte';
import SavedTab from './survey/SavedTab.svelte';
import Projection from './Projection.svelte';
import ReproduceArticle from './ReproduceArticle.svelte';
import Regression from './Regression.svelte';

/** The Analysis area's tabs, in order. Each feature appends one entry (and owns its component). */
export const analysisTabs: AreaTab[] = [
  { value: 'projection', label: (m) => m.series.projectionTab, component: Projection },
  { value: 'frequencies', label: (m) => m.survey.tabs.frequencies, component: FrequenciesTab },
  { value: 'crosstab', label: (m) => m.survey.tabs.crosstab, component: CrosstabTab },
  { value: 'index', label: (m) => m.survey.tabs.index, component: IndexTab },
  { value: 'saved', label: (m) => m.survey.tabs.saved, component: SavedTab },
  { value: 'reproduce', label: (m) => m.sample.tab, component: ReproduceArticle },
  { value: 'regression', label: (m) => m.regression.tab, component: Regression },
];
