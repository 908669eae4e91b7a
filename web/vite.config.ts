import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into ../dist/web, which the Nest app serves at / (src/web-app.static.ts). `npm run web:dev` serves this
// folder with hot reload and forwards /api to the API (PORT, default 3000) so cookies stay same-origin.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    proxy: { '/api': { target: `http://localhost:${process.env.PORT ?? 3000}`, changeOrigin: false } },
  },
});
