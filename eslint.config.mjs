// Lint rules. The import rules keep the arrows pointing inward (ARCHITECTURE.md):
// core/ knows no platform, adapters know no host nor each other, the areas of core/app meet only through
// their slices of the Store, the app knows only the contract.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['fs', 'path', 'crypto', 'http', 'os', 'child_process', 'net', 'stream', 'url', 'util', 'worker_threads'];
const platform = [
  ...nodeBuiltins,
  ...nodeBuiltins.map((m) => `node:${m}`),
  'better-sqlite3',
  'wx-server-sdk',
  'hono',
  '@hono/*',
  '@tarojs/*',
  'react',
];

const root = dirname(fileURLToPath(import.meta.url));
/** The adapter a path lies in (`adapters/<name>/…`), or null. */
const adapterOf = (file) => {
  const parts = relative(root, file).split(sep);
  return parts[0] === 'adapters' && parts.length > 2 ? parts[1] : null;
};

/**
 * A file under adapters/<x>/ imports nothing under adapters/<y>/: each adapter implements ports over its own
 * library, and what needs two of them is wired by a host (server/, cloud/). The import is resolved against
 * the importing file, so `../node`, `../../adapters/node/ids` and paths from deeper folders are all caught.
 */
const adapterBoundaries = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { other: 'adapters/{{from}} imports adapters/{{to}}: an adapter imports no other adapter; wire them in a host (server/, cloud/).' },
  },
  create(context) {
    const from = adapterOf(context.filename);
    if (from === null) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      // '_' stands for a file inside the target, so that `../node` itself counts as in adapters/node.
      const to = adapterOf(resolve(dirname(context.filename), spec, '_'));
      if (to !== null && to !== from) context.report({ node: node.source, messageId: 'other', data: { from, to } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

/** The areas of core/app (ARCHITECTURE.md "The rooms"), each a folder of use cases with its slice of the Store. */
const appAreas = new Set(['campaigns', 'people', 'posts', 'standings', 'notifications']);
/** The area a path lies in (`core/app/<area>/<module>`) and the module, or null. */
const areaOf = (file) => {
  const parts = relative(root, file).split(sep);
  return parts[0] === 'core' && parts[1] === 'app' && appAreas.has(parts[2]) && parts.length > 3
    ? { area: parts[2], module: parts.slice(3).join('/').replace(/\.tsx?$/, '') }
    : null;
};

/**
 * An area of core/app reaches another area only through its slice of the Store (`<area>/store`: the
 * records it owns) and the current campaign every area reads (`campaigns/view`); the router wires the
 * routes of all. Anything else one area wants of another is a sign it belongs in a shared module.
 */
const appAreaBoundaries = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      other: 'core/app/{{from}} imports core/app/{{to}}: another area is reached only through its store.ts or campaigns/view.',
    },
  },
  create(context) {
    const from = areaOf(context.filename);
    if (from === null) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = areaOf(resolve(dirname(context.filename), spec));
      if (to === null || to.area === from.area || to.module === 'store') return;
      if (`${to.area}/${to.module}` === 'campaigns/view') return;
      context.report({ node: node.source, messageId: 'other', data: { from: from.area, to: `${to.area}/${to.module}` } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'data/**',
      'coverage/**',
      'cloudfunctions/*/index.js',
      'cloudfunctions/*/node_modules/**',
      'babel.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: platform, message: 'core/ is platform-free: reach the outside through a port.' },
            { group: ['**/adapters/**', '**/server/**', '**/src/**', '**/cloudfunctions/**', '**/cloud', '**/cloud/**'], message: 'Arrows point inward.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Date', message: 'Take time from the Clock port.' }],
    },
  },
  {
    files: ['core/contract/**/*.ts', 'core/domain/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: platform, message: 'core/ is platform-free.' },
            { group: ['**/app/**', '**/app', '**/adapters/**', '**/server/**', '**/src/**'], message: 'contract and domain import no use case.' },
          ],
        },
      ],
    },
  },
  {
    files: ['adapters/**/*.ts'],
    ignores: ['adapters/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**', '**/src/**', '**/cloudfunctions/**', '**/cloud', '**/cloud/**'], message: 'An adapter knows no host.' }] },
      ],
    },
  },
  {
    // Tests beside an adapter too: none needs another adapter (one that did would test a host's wiring).
    files: ['adapters/**/*.{ts,tsx,js,mjs}'],
    plugins: { local: { rules: { 'adapter-boundaries': adapterBoundaries } } },
    rules: { 'local/adapter-boundaries': 'error' },
  },
  {
    files: ['core/app/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    plugins: { app: { rules: { areas: appAreaBoundaries } } },
    rules: { 'app/areas': 'error' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // core/domain is pure (no I/O, no clock): the app computes with the server's own rules.
            { group: ['**/core/app/**', '**/adapters/**', '**/server/**'], message: 'The app imports only core/contract and core/domain.' },
            { group: ['better-sqlite3', 'hono', 'wx-server-sdk'], message: 'Not in the client.' },
          ],
        },
      ],
    },
  },
  {
    // A test may hold the client's rule against the server's use case.
    files: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/adapters/**', '**/server/**'], message: 'The app imports no adapter or host.' }] },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
