import { describe, expect, it } from 'vitest';
import { NO_PAGE_SIGNALS, pageSignalsOf, validPageSignals } from './page-signals';

describe("a page's own signals to AI crawlers", () => {
  it('reads noai and noimageai among other robots directives, in any case and spacing', () => {
    expect(pageSignalsOf([{ name: 'Robots', content: 'index, follow,NOAI , noimageai' }]).robotsAi).toEqual(['noai', 'noimageai']);
    expect(pageSignalsOf([{ name: 'robots', content: 'noindex' }]).robotsAi).toEqual([]);
  });

  it('reads a TDMRep reservation and policy, and only the values the protocol defines', () => {
    expect(pageSignalsOf([{ name: 'tdm-reservation', content: '1' }, { name: 'tdm-policy', content: 'https://example.org/tdm.json' }])).toEqual({
      robotsAi: [],
      tdmReservation: '1',
      tdmPolicy: 'https://example.org/tdm.json',
    });
    expect(pageSignalsOf([{ name: 'tdm-reservation', content: '0' }]).tdmReservation).toBe('0');
    expect(pageSignalsOf([{ name: 'tdm-reservation', content: 'yes' }, { name: 'tdm-policy', content: 'javascript:alert(1)' }])).toEqual(NO_PAGE_SIGNALS);
  });

  it('says nothing for a page that says nothing', () => {
    expect(pageSignalsOf([])).toEqual(NO_PAGE_SIGNALS);
    expect(pageSignalsOf([{ name: 'description', content: 'noai' }])).toEqual(NO_PAGE_SIGNALS);
  });

  it('checks what a content script reports again, rather than trusting it', () => {
    expect(validPageSignals({ robotsAi: ['noai', '<b>', 42], tdmReservation: '2', tdmPolicy: 'https://user:pw@example.org/' })).toEqual({ robotsAi: ['noai'], tdmReservation: null, tdmPolicy: null });
    expect(validPageSignals('nonsense')).toEqual(NO_PAGE_SIGNALS);
  });
});
