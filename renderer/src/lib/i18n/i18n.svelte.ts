import { formatCount, formatDate, formatNumber, type Locale } from '../../../../analysis/format';
import { en } from './en';
import { id, type Messages } from './id';

const catalogues: Record<Locale, Messages> = { id, en };

/** The UI language: one rune-backed object shared through context; every string goes through `m`. */
export class I18n {
  locale = $state<Locale>('id');
  m = $derived(catalogues[this.locale]);

  set(locale: Locale): void {
    this.locale = locale;
    document.documentElement.lang = locale;
  }

  num(value: number, decimals = 2): string {
    return formatNumber(value, this.locale, decimals);
  }

  count(value: number): string {
    return formatCount(value, this.locale);
  }

  date(value: string): string {
    return formatDate(value, this.locale);
  }
}

export { catalogues };
