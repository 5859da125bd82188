// Content types of the files the viewer's build holds, for the two small
// static servers of web/ (vite's dev middleware and the browser test's).
export const MIME = {
  '.css': 'text/css',
  '.czml': 'application/json',
  '.geojson': 'application/json',
  '.html': 'text/html',
  '.jpg': 'image/jpeg',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
};
