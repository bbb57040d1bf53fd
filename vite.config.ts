import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The client is served by the Akkoord server in production (from dist/); in development `vite` serves it
// with the API and the sync websocket proxied to the server on AKKOORD_SERVER (default localhost:8080).
const server = process.env.AKKOORD_SERVER ?? 'http://localhost:8080';

export default defineConfig({
  root: 'client',
  plugins: [react()],
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
