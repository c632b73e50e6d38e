// Every message key written as a string anywhere in the code exists in the English catalog.
// The type checker cannot see keys in dynamic places (maps typed as string, JSX attributes
// passed through, lookups built at runtime); this scan catches their typos.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allCatalogs } from '#platform/i18n/catalog.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const { en } = allCatalogs();

const root = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.split(/[\\/]/).includes('node_modules'))
    .map((file) => join(root, folder, file));
}

// 'key', "key" (JSX attributes) and `key` (template literals without substitutions).
const KEY_LITERAL = /(['"`])((?:common|error|idp|acct|benefits|idv)\.[A-Za-z.]+)\1/g;

function referencedKeys(files: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(KEY_LITERAL)) {
      const key = match[2]!;
      found.set(key, [...(found.get(key) ?? []), relative(root, file)]);
    }
  }
  return found;
}

describe('message keys referenced in source code', () => {
  const files = [...sourceFiles('apps'), ...sourceFiles('src')];
  const referenced = referencedKeys(files);

  it('the scan sees the source tree and its keys (so an empty result cannot pass silently)', () => {
    assert.ok(files.length >= 20, `only ${files.length} source files found under apps/ and src/`);
    assert.ok(referenced.size >= 50, `only ${referenced.size} keys found`);
    // One from a JSX attribute (double quotes) and one from ordinary code.
    assert.ok(referenced.has('idp.name'), 'idp.name (appName="idp.name") not found');
    assert.ok(referenced.has('error.notFound'), 'error.notFound not found');
  });

  it('the pattern recognises every quoting style and rejects non-keys', () => {
    const sample = `t('idp.a') x="acct.b" y=\`common.c\` z=\`error.\${v}\` w='other.d' v='idp.e"`;
    assert.deepEqual(
      [...sample.matchAll(KEY_LITERAL)].map((match) => match[2]),
      ['idp.a', 'acct.b', 'common.c'],
    );
  });

  it('every referenced key exists in the English catalog', () => {
    const missing = [...referenced]
      .filter(([key]) => !Object.hasOwn(en, key))
      .map(([key, where]) => `${key} (in ${[...new Set(where)].join(', ')})`);
    assert.deepEqual(missing, []);
  });
});
