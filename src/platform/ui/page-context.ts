// What every view needs from the request: language, translator, CSRF token, current path.
import type { Locale, Translate } from '../i18n/catalog.ts';

export interface PageContext {
  locale: Locale;
  t: Translate;
  /** A fresh CSRF token for forms on this page. */
  csrfToken: string;
  /** Path and query of the current request, for the language switch. */
  path: string;
}
