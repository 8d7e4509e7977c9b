import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [svelte()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 2000,
  },
  test: {
    root: '.',
    projects: [
      {
        test: {
          name: 'node',
          root: '.',
          environment: 'node',
          include: ['analysis/**/*.test.ts', 'db/**/*.test.ts', 'electron/**/*.test.ts', 'resources/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'dom',
          root: '.',
          environment: 'jsdom',
          include: ['renderer/**/*.test.ts'],
        },
      },
    ],
  },
});
