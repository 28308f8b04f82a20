import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/shared/csp.ts';

// The built page carries the policy as a meta tag too: a file:// load in Electron gets no HTTP header.
// Only at build time, so the dev server's inline refresh script still runs.
const cspMeta: Plugin = {
  name: 'csp-meta',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
};

// The renderer is built into dist/renderer and loaded from file:// by Electron or served by the web shell.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react(), cspMeta],
  build: { outDir: '../../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: { port: 5179, proxy: { '/api': 'http://127.0.0.1:5178' } },
});
