import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app lives in src/web; the server serves the build from dist/web. */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    proxy: {
      // The JSON API, its WebSocket (/api/v1/realtime) and its docs; not /api/*.ts, which are
      // the web app's own client modules in src/web/api/.
      '^/api/(v1|docs)(/|\\?|$)': { target: 'http://127.0.0.1:3000', changeOrigin: true, ws: true },
    },
  },
});
