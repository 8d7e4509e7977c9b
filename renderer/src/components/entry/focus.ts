/** Moves keyboard focus to the next (or previous) data-entry field after `from`, in document order. */
export function focusField(from: Element, direction: 1 | -1 = 1): void {
  const fields = Array.from(document.querySelectorAll<HTMLElement>('[data-entry-field]'));
  const current = from.closest<HTMLElement>('[data-entry-field]');
  const i = current ? fields.indexOf(current) : -1;
  const next = fields[i + direction];
  if (!next) return;
  const target =
    next.querySelector<HTMLElement>('[data-state="checked"][role="radio"]') ??
    next.querySelector<HTMLElement>('input, textarea, [role="radio"], [role="checkbox"], button');
  target?.focus();
}
