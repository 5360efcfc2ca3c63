/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { antdStaticCss } from './build/antd-static-css.ts';
import { theme } from './src/app/providers/theme.ts';

// The API (ASP.NET Core) listens on :5000 in development and serves the built client itself in
// production, so the dev server only has to forward /api to it.
const apiTarget = process.env.SHOP_API_URL ?? 'http://localhost:5000';

export default defineConfig({
  // antdStaticCss: antd's component CSS as a static stylesheet (`virtual:antd.css`, imported by main.tsx).
  plugins: [react(), antdStaticCss(theme)],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: true } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    // antd alone is ~400 kB minified; the vendor chunk is cached across deploys, so warn only
    // when something grows well past that.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Pages (React.lazy) are `page-*.js`, framework code `vendor-*.js`, the rest is shared.
        chunkFileNames: (chunk) =>
          chunk.isDynamicEntry && chunk.facadeModuleId?.includes('/src/app/routes/')
            ? 'assets/page-[name]-[hash].js'
            : chunk.name.startsWith('vendor-')
              ? 'assets/[name]-[hash].js'
              : 'assets/shared-[name]-[hash].js',
        // Name the framework chunks after what they hold (the default names them after whichever
        // module came first). antd stays split per component, so a page only loads what it uses.
        codeSplitting: {
          groups: [
            { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/, priority: 20 },
            // dayjs is not here: only order pages format dates, so it loads with them.
            { name: 'vendor-data', test: /node_modules[\\/](@tanstack|i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // antd's CSS-in-JS makes the first render of each file slow on a 2-core machine.
    testTimeout: 20_000,
  },
});
