import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../shared/i18n';

/** The translator for the person's chosen language, shared by every component of a page. */
export const TranslateContext = createContext<Translate>((key) => key);

export const useT = (): Translate => useContext(TranslateContext);
