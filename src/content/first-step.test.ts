import { describe, expect, it } from 'vitest';
import { atFirstStep } from './first-step';

describe('the first step on a page', () => {
  for (const step of ['pointerdown', 'keydown', 'dragenter', 'blur']) {
    it(`runs everything waiting for it on the first ${step}, in order, and only once`, () => {
      const page = new EventTarget();
      const ran: string[] = [];
      atFirstStep(() => ran.push('hook'), page);
      atFirstStep(() => ran.push('watch'), page);
      page.dispatchEvent(new Event('scroll'));
      page.dispatchEvent(new Event('input'));
      expect(ran).toEqual([]);
      page.dispatchEvent(new Event(step));
      expect(ran).toEqual(['hook', 'watch']);
      for (const later of ['pointerdown', 'keydown', 'dragenter', 'blur']) page.dispatchEvent(new Event(later));
      expect(ran).toEqual(['hook', 'watch']);
    });
  }

  it('runs the others when one of them fails', () => {
    const page = new EventTarget();
    const ran: string[] = [];
    atFirstStep(() => {
      throw new Error('the extension was reloaded under the page');
    }, page);
    atFirstStep(() => ran.push('watch'), page);
    page.dispatchEvent(new Event('keydown'));
    expect(ran).toEqual(['watch']);
  });

  it('keeps the pages apart', () => {
    const one = new EventTarget();
    const other = new EventTarget();
    const ran: string[] = [];
    atFirstStep(() => ran.push('one'), one);
    atFirstStep(() => ran.push('other'), other);
    one.dispatchEvent(new Event('pointerdown'));
    expect(ran).toEqual(['one']);
  });
});
