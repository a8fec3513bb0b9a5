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
    rolldownOptions: {
      // The engine's modules have no side effects (its schemas are plain
      // values; nothing registers or patches anything at import): let the
      // bundler drop those the app does not use — the definition checker,
      // cohort and history code — instead of keeping every module that
      // @zhiping/forms' index re-exports. About 7 KB gzip off the first paint.
      treeshake: {
        moduleSideEffects: (id: string) => !/[\\/]forms[\\/]src[\\/]/.test(id),
      },
    },
  },
});
