import { defineConfig } from 'vite';

/**
 * The embeddable widget: `loader.js` (the one script a host site adds; self-contained, so it runs as a
 * classic script) and `frame.js` (the iframe's app on Atiende's origin). Built into dist/web/widget.
 */
export default defineConfig({
  root: 'src/widget',
  build: {
    outDir: '../../dist/web/widget',
    emptyOutDir: true,
    target: 'es2020',
    modulePreload: false,
    rollupOptions: {
      input: { loader: 'src/widget/loader.ts', frame: 'src/widget/frame.ts' },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: '[name]-[hash].js',
        assetFileNames: '[name][extname]',
      },
    },
  },
});
