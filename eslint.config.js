// One linter for the whole tree: typescript-eslint's recommended rules on top of ESLint's.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** A relative import that climbs out of its folder into one of `folders` (e.g. `../../server/app.js`). */
const into = (...folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-server', 'data', 'test-results', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules for promises: the repositories answer asynchronously (SQLite or PostgreSQL), and a
    // forgotten await would store after broadcasting, or lose an error. These find every one.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // Tests read JSON answers loosely; the assertions check their shape.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // shared/ runs unchanged in the browser and on the server: it imports only itself and pure libraries
    // (today prosemirror-model, yjs, lib0, zod, diff-match-patch), never the server or the client, Node's
    // built-ins, or a library that needs a server (sockets, SQLite, HTTP, signing, Word files) or a page.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...builtinModules, 'express', 'ws', 'better-sqlite3', 'jose', 'docx', 'esbuild'].map(
            (name) => ({
              name,
              message: 'shared/ runs in the browser too: no Node built-ins or server libraries.',
            }),
          ),
          patterns: [
            {
              regex: into('server', 'client', 'test', 'bench', 'scripts', 'bin'),
              message: 'shared/ imports only shared/.',
            },
            { regex: '^node:', message: 'shared/ runs in the browser too: no Node built-ins.' },
            {
              regex: '^(react|react-dom|y-websocket|prosemirror-view)(/|$)',
              message: 'shared/ runs on the server too: no browser libraries.',
            },
          ],
        },
      ],
    },
  },
  {
    // The client and the server meet only through shared/ (and HTTP and the sync protocol).
    files: ['client/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: into('server'),
              message: 'client/ never imports server/: put what both need in shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: into('client'),
              message: 'server/ never imports client/: put what both need in shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
