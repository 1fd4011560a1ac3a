import { defineConfig } from 'vite';
import { graphqlDocuments } from './vite-plugin-graphql-documents.mjs';

/**
 * The console, built into dist/web and served at / by the API (src/console). `npm run dev:web` serves it with hot
 * reload and passes /graphql to a running API (WB_API_URL, default http://localhost:3000).
 */
export default defineConfig({
  root: import.meta.dirname,
  // Each GraphQL document in the chunk of its page, not all of them in the entry (docs/CONSOLE.md).
  plugins: [graphqlDocuments()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // Which chunk imports which: bench/console-size.ts adds up what each page loads.
    manifest: true,
    rolldownOptions: {
      // antd's modules start with "use client" (for React Server Components), which a browser bundle drops anyway.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    proxy: {
      '/graphql': { target: process.env.WB_API_URL ?? 'http://localhost:3000', ws: true },
      // The report's CSV file (its page, /reports, stays the console's).
      '^/reports/alliance\\.csv': { target: process.env.WB_API_URL ?? 'http://localhost:3000' },
    },
  },
});
