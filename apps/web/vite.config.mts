import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web console. `npm run build:web` writes it to apps/web/dist, which the engine serves at `/`.
 * `npx vite --config apps/web/vite.config.ts` serves it with hot reload, sending /api to an engine on port 3000.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // Pure code shared with the engine (identity number and phone checks), so the form and the API agree.
  resolve: { alias: { '@app/shared': fileURLToPath(new URL('../../libs/shared/src/index.ts', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The diagram library is large but loaded only on the case page; the rest stays small.
    chunkSizeWarningLimit: 2500,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
