import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built into dist/renderer and loaded from file:// by Electron or served by the web shell.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: { port: 5179, proxy: { '/api': 'http://127.0.0.1:5178' } },
});
