import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../..', import.meta.url));
const api = process.env.YORIAI_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: {
      '@yoriai/domain': `${workspace}/libs/domain/src/index.ts`,
      '@yoriai/realtime-contract': `${workspace}/libs/realtime-contract/src/index.ts`,
    },
  },
  build: { outDir: `${workspace}/dist/apps/web`, emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  // `nx run web:serve` proxies the API of a server started with `npm start` (or YORIAI_API_URL).
  server: {
    port: 4200,
    proxy: {
      '/graphql': api,
      '/api': api,
      '/healthz': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
