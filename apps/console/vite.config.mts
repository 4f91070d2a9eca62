import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The dispatch-centre console is a static bundle served by the edge (apps/edge) under the same origin as the
 * APIs. Everything is bundled — no CDN, no web fonts from elsewhere — and no inline script, so the edge's strict
 * Content-Security-Policy (script-src 'self') holds.
 */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: path.resolve(here, '../../dist/console'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // MapLibre and ECharts are large by nature; split them so the board paints before they load.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('maplibre-gl')) return 'maplibre';
          if (id.includes('echarts') || id.includes('zrender')) return 'echarts';
          return undefined;
        },
      },
    },
  },
  server: {
    // `npx vite --config apps/console/vite.config.ts` for UI work: API calls go to a running edge.
    proxy: { '/api': 'http://127.0.0.1:8080', '/dev': 'http://127.0.0.1:8080', '/console-config.json': 'http://127.0.0.1:8080' },
  },
});
