import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Emits sw.js from web/service-worker.js with the list of this build's files to precache (the app shell, every
 * page's chunk, the manifest and icons) and a version from their names, so each deploy installs a new worker
 * (docs/decisions/0018).
 */
function serviceWorker(): Plugin {
  // index.html is emitted by Vite's own HTML step, which may come after this plugin's: named here too.
  const publicFiles = ['/index.html', '/manifest.json', '/icons/icon.svg', '/icons/icon-maskable.svg'];
  return {
    name: 'zhijian-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = [...new Set([...Object.keys(bundle).map((name) => `/${name}`), ...publicFiles])].sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      const source = readFileSync(new URL('./web/service-worker.js', import.meta.url), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: source.replace('self.__PRECACHE__', JSON.stringify({ version, files })),
      });
    },
  };
}

// The staff web app: sources in web/, built into dist/web/ which the server serves (server/app.ts).
export default defineConfig({
  root: 'web',
  plugins: [react(), serviceWorker()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Keep the big, rarely-changing libraries in their own cacheable chunks.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
