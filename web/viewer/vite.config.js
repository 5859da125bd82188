// Builds the replay viewer into web/dist/viewer/ (run from web/:
// `npx vite build --config viewer/vite.config.js`, part of `npm run build`).
// Asset URLs are relative (base './'), so `cupola view` can serve the folder
// anywhere; Cesium's static files (workers, textures, widget images, third-party
// WASM) are copied from node_modules/cesium/Build/Cesium to dist/viewer/cesium/,
// where viewer/cesium_base.js points CESIUM_BASE_URL. Coastlines and borders are
// cut into cells at build time (coast_tiles.js) and written to dist/viewer/coast/.
//
// `npx vite --config viewer/vite.config.js` serves the viewer for development;
// set CUPOLA_RUN_DIR=out/<run> to serve that run directory at /run/.
import { createReadStream } from 'node:fs';
import { cp, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { coastTiles } from './coast_tiles.js';
import { MIME } from './mime.js';

const viewerDir = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(viewerDir, '..');
const cesiumBuildDir = path.join(webDir, 'node_modules/cesium/Build/Cesium');
const outDir = path.join(webDir, 'dist/viewer');
const CESIUM_STATIC = ['Workers', 'Assets', 'Widgets', 'ThirdParty'];
const countriesPath = path.join(webDir, 'node_modules/world-atlas/countries-10m.json');

/** Dev-server middleware: the files under dir (mounted at a URL prefix by the caller). */
function serveDir(dir) {
  return async (req, res, next) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir)) return next();
    try {
      if (!(await stat(file)).isFile()) return next();
    } catch {
      return next();
    }
    res.setHeader('Content-Type', MIME[path.extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  };
}

/** Coastline cells (coast_tiles.js) as build assets, and served by the dev server. */
function coastlines() {
  let files;
  return {
    name: 'cupola-coastlines',
    async buildStart() {
      files = await coastTiles(countriesPath);
    },
    generateBundle() {
      for (const [fileName, source] of files) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const name = new URL(req.url, 'http://x').pathname.slice(1);
        if (!name.startsWith('coast/')) return next();
        files ??= await coastTiles(countriesPath);
        if (!files.has(name)) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(files.get(name));
      });
    },
  };
}

function cesiumStatic() {
  return {
    name: 'cupola-cesium-static',
    configureServer(server) {
      server.middlewares.use('/cesium', serveDir(cesiumBuildDir));
      if (process.env.CUPOLA_RUN_DIR) server.middlewares.use('/run', serveDir(path.resolve(process.env.CUPOLA_RUN_DIR)));
    },
    async closeBundle() {
      for (const name of CESIUM_STATIC)
        await cp(path.join(cesiumBuildDir, name), path.join(outDir, 'cesium', name), { recursive: true });
    },
  };
}

export default defineConfig({
  root: viewerDir,
  base: './',
  logLevel: 'warn',
  plugins: [coastlines(), cesiumStatic()],
  build: {
    outDir,
    emptyOutDir: true,
    // Cesium itself is one ~4 MB chunk; served from the local disk, that is fine.
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
  },
});
