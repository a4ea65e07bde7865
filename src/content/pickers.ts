import type { PickerRule } from '../core/rules/types';

/** The form controls a picker rule's selector names, in this document. Invalid selectors match nothing. */
function controlsOf(selector: string): Element[] {
  try {
    return [...document.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

/** The current choice in the page's own picker (a select, a group of radios or an input), mapped through the
 *  rule's values; null when the page has no such control or its value is not one the rule knows. */
export function readPicker<T extends string>(rule: PickerRule<T> | null): T | null {
  if (!rule) return null;
  for (const control of controlsOf(rule.selector)) {
    let value: string | null = null;
    if (control instanceof HTMLSelectElement) value = control.value;
    else if (control instanceof HTMLInputElement && control.type === 'radio') value = control.checked ? control.value : null;
    else if (control instanceof HTMLInputElement) value = control.value;
    if (value !== null && Object.hasOwn(rule.values, value)) return rule.values[value] ?? null;
  }
  return null;
}

/** Selects a value in the page's own picker the way a person would, so the page's code sees the change. It only
 *  changes the choice: nothing is submitted. */
export function choosePickerValue(selector: string, value: string): boolean {
  for (const control of controlsOf(selector)) {
    if (control instanceof HTMLSelectElement && [...control.options].some((option) => option.value === value)) {
      control.value = value;
    } else if (control instanceof HTMLInputElement && control.type === 'radio' && control.value === value) {
      control.checked = true;
    } else {
      continue;
    }
    control.dispatchEvent(new Event('input', { bubbles: true }));
    control.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }
  return false;
}
