import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { firstLoadReport } from './first-load-report.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

// The web app lives in web/ and is built into dist/web, which `leitai serve` hands out
// (index.html for every non-/api path, so BrowserRouter's deep links work).
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [
    react(),
    firstLoadReport({
      'public home (/public)': [/public-shell\.tsx$/, /public-contests-page\.tsx$/],
      'public ranking (/public/rounds/:id)': [/public-shell\.tsx$/, /public-round-page\.tsx$/],
    }),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    // Pages are React.lazy chunks; only the shell, the antd parts it uses and i18n load first.
    // React gets a chunk of its own (stable across releases, so browsers keep it cached); antd
    // is not grouped, as a group would drag every page's components into the first load.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
