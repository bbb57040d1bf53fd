import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The page's main code (React, the app) is a chunk the entry imports once it has opened the text room's
 * websocket (client/main.tsx). Listing its files as modulepreload links in index.html fetches them at once,
 * in parallel with the entry, instead of after it.
 */
function preloadBoot(): Plugin {
  return {
    name: 'akkoord-preload-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const boot = Object.values(bundle).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/client/app/boot.tsx'),
        );
        if (!boot || boot.type !== 'chunk') return [];
        const files = [boot.fileName, ...boot.imports].filter((f) => f.endsWith('.js') && !html.includes(f));
        return files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

// The client is served by the Akkoord server in production (from dist/); in development `vite` serves it
// with the API and the sync websocket proxied to the server on AKKOORD_SERVER (default localhost:8080).
const server = process.env.AKKOORD_SERVER ?? 'http://localhost:8080';

export default defineConfig({
  root: 'client',
  plugins: [react(), preloadBoot()],
  // ProseMirror, Yjs and React together are ~550 kB minified (170 kB gzipped): one editor, one chunk.
  // No modulepreload polyfill: it would be an inline script, which the server's CSP refuses (script-src 'self');
  // every browser Akkoord supports has modulepreload itself.
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
    modulePreload: { polyfill: false },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': server,
      '/healthz': server,
      '/sync': { target: server.replace(/^http/, 'ws'), ws: true },
    },
  },
});
