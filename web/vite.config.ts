import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.ts';

// The API checks Origin against Host on writes, so the proxy must keep the
// browser's Host header (changeOrigin: false) for dev-server writes to pass.
export default defineConfig({
  // Brotli and gzip copies of every asset, written once at build (the API sends them).
  plugins: [react(), precompress()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    // The bundle-budget script reads the manifest to find what each route loads.
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
});
