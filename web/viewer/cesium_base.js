// Cesium loads its workers, textures and widget images from CESIUM_BASE_URL: the
// copy of node_modules/cesium/Build/Cesium that vite.config.js puts beside
// index.html (dist/viewer/cesium/). Imported first by main.js; Cesium reads the
// value lazily, at its first buildModuleUrl() call.
window.CESIUM_BASE_URL = new URL('cesium/', document.baseURI).href;
