import type { Component } from 'svelte';
import type { Messages } from '../../lib/i18n/id';

/** One tab of an area: its id, its label in the UI language, and the component that fills it. */
export interface AreaTab {
  value: string;
  label: (m: Messages) => string;
  component: Component;
}
