// Server-side rendering. Preact escapes every text child and attribute, so user input
// can never become markup; there is no "raw HTML" helper on purpose.
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export function renderDocument(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}
