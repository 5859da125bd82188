// Builds web/dist/report_template.html: report/template.html with every script and style inlined
// (vega, vega-lite, vega-embed, report.js, report.css) and Natural Earth coastlines, so the file
// opens with no network at all. `cupola run` fills in the run's data (docs/report.md).
//
//   node report/build.mjs [--out FILE]
//
// Coastlines: 1:10m in a box around the origin of every bundled scenario (../scenarios/*.yaml), and
// the whole world at 1:50m (about 1 km) for a run anywhere else. Inlined code may not contain
// "</script" (it would end the element early): it is written as "<\/script", which means the same
// inside JS strings and regexps.

import {readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync, renameSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const require = createRequire(import.meta.url);
const topojson = require('topojson-client');

const REPORT_DIR = dirname(fileURLToPath(import.meta.url));
const WEB_DIR = resolve(REPORT_DIR, '..');
export const DATA_MARKER = '"__CUPOLA_REPORT_DATA__"';
const COAST_MARGIN_DEG = 1.5;  // half-size of the coastline box around a scenario origin [deg]

/** Inline content for a <script>: no "</script" or "<!--" may end or confuse the element. */
function escapeScript(code) {
  if (/<!--/.test(code)) throw new Error('inlined script contains "<!--"; escape it before inlining');
  return code.replace(/<\/script/gi, '<\\/script');
}

function packageVersion(name) {
  return JSON.parse(readFileSync(join(WEB_DIR, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** Boxes [west, south, east, north] around the bundled scenarios' origins, overlapping ones merged. */
function scenarioBoxes(scenarioDir) {
  if (!existsSync(scenarioDir)) return [];
  let boxes = [];
  for (const f of readdirSync(scenarioDir).filter(f => /\.ya?ml$/.test(f)).sort()) {
    const m = /^origin:\s*\{[^}]*lat_deg:\s*(-?[\d.]+)[^}]*lon_deg:\s*(-?[\d.]+)/m.exec(
        readFileSync(join(scenarioDir, f), 'utf8'));
    if (!m) continue;
    const lat = +m[1], lon = +m[2];
    boxes.push([lon - COAST_MARGIN_DEG, lat - COAST_MARGIN_DEG, lon + COAST_MARGIN_DEG, lat + COAST_MARGIN_DEG]);
  }
  const overlaps = (a, b) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
  for (let merged = true; merged;) {
    merged = false;
    outer: for (let i = 0; i < boxes.length; ++i)
      for (let j = i + 1; j < boxes.length; ++j)
        if (overlaps(boxes[i], boxes[j])) {
          const a = boxes[i], b = boxes[j];
          boxes[i] = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
          boxes.splice(j, 1);
          merged = true;
          break outer;
        }
  }
  return boxes;
}

const round4 = x => Math.round(x * 1e4) / 1e4;  // ~10 m, finer than the 1:10m source

/** Sutherland-Hodgman clip of a closed ring [[lon, lat], ...] to a box; keeps its orientation. */
function clipRing(ring, [w, s, e, n]) {
  const edges = [
    [p => p[0] >= w, (a, b) => [w, a[1] + (b[1] - a[1]) * (w - a[0]) / (b[0] - a[0])]],
    [p => p[0] <= e, (a, b) => [e, a[1] + (b[1] - a[1]) * (e - a[0]) / (b[0] - a[0])]],
    [p => p[1] >= s, (a, b) => [a[0] + (b[0] - a[0]) * (s - a[1]) / (b[1] - a[1]), s]],
    [p => p[1] <= n, (a, b) => [a[0] + (b[0] - a[0]) * (n - a[1]) / (b[1] - a[1]), n]],
  ];
  let pts = ring.slice(0, -1);
  for (const [inside, cut] of edges) {
    const input = pts;
    pts = [];
    for (let i = 0; i < input.length; ++i) {
      const cur = input[i], prev = input[(i + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) pts.push(cut(prev, cur));
        pts.push(cur);
      } else if (inside(prev)) {
        pts.push(cut(prev, cur));
      }
    }
    if (!pts.length) return null;
  }
  const out = [];
  for (const p of pts) {
    const q = [round4(p[0]), round4(p[1])];
    if (!out.length || out[out.length - 1][0] !== q[0] || out[out.length - 1][1] !== q[1]) out.push(q);
  }
  if (out.length < 3) return null;
  out.push(out[0]);
  return out;
}

/** Parts of a polyline inside a box (a segment is kept if either end is inside; the map clips the rest). */
function clipLine(line, [w, s, e, n]) {
  const inside = p => p[0] >= w && p[0] <= e && p[1] >= s && p[1] <= n;
  const parts = [];
  let cur = [];
  for (let i = 0; i < line.length; ++i) {
    const keep = inside(line[i]) || (i > 0 && inside(line[i - 1])) || (i + 1 < line.length && inside(line[i + 1]));
    if (keep) cur.push([round4(line[i][0]), round4(line[i][1])]);
    else if (cur.length) { if (cur.length > 1) parts.push(cur); cur = []; }
  }
  if (cur.length > 1) parts.push(cur);
  return parts;
}

/** Land polygons and country borders of Natural Earth 1:10m (world-atlas), clipped to the boxes. */
function coastline(boxes) {
  if (!boxes.length) return null;
  const topo = JSON.parse(readFileSync(join(WEB_DIR, 'node_modules/world-atlas/countries-10m.json'), 'utf8'));
  const land = topojson.feature(topo, topo.objects.land);
  const borders = topojson.mesh(topo, topo.objects.countries, (a, b) => a !== b);
  const landFeatures = [], borderFeatures = [];
  for (const box of boxes) {
    const polys = [];
    const landGeoms = land.type === 'FeatureCollection' ? land.features.map(f => f.geometry) : [land.geometry];
    for (const g of landGeoms) {
      const list = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      for (const poly of list) {
        const rings = [];
        for (const [k, ring] of poly.entries()) {
          const c = clipRing(ring, box);
          if (c) rings.push(c);
          else if (k === 0) break;  // exterior gone: the holes go with it
        }
        if (rings.length) polys.push(rings);
      }
    }
    if (polys.length) landFeatures.push({type: 'Feature', properties: {kind: 'land'}, geometry: {type: 'MultiPolygon', coordinates: polys}});
    const lines = [];
    for (const line of borders.coordinates) lines.push(...clipLine(line, box));
    if (lines.length) borderFeatures.push({type: 'Feature', properties: {kind: 'border'}, geometry: {type: 'MultiLineString', coordinates: lines}});
  }
  return {
    source: `Natural Earth 1:10m land and countries (public domain), via world-atlas ${packageVersion('world-atlas')}`,
    boxes, land: landFeatures, borders: borderFeatures,
  };
}

// The world at 1:50m, made small: rings thinned to WORLD_TOLERANCE_DEG (Douglas-Peucker), then
// written as whole multiples of WORLD_UNIT_DEG, each point the difference from the one before
// ([x0, y0, dx1, dy1, ...]; report.js decodes it). About 350 KB instead of 756 KB of TopoJSON.
const WORLD_TOLERANCE_DEG = 0.01;
const WORLD_UNIT_DEG = 0.01;

function thinLine(points, tolerance) {
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a], [bx, by] = points[b], length = Math.hypot(bx - ax, by - ay);
    let far = -1, farthest = 0;
    for (let i = a + 1; i < b; ++i) {
      const [x, y] = points[i];
      const d = length > 0 ? Math.abs((by - ay) * (x - ax) - (bx - ax) * (y - ay)) / length : Math.hypot(x - ax, y - ay);
      if (d > farthest) farthest = d, far = i;
    }
    if (farthest > tolerance) keep[far] = 1, stack.push([a, far], [far, b]);
  }
  return points.filter((p, i) => keep[i]);
}

function deltaEncode(points) {
  const out = [];
  let px = 0, py = 0;
  for (const [x, y] of points) {
    const qx = Math.round(x / WORLD_UNIT_DEG), qy = Math.round(y / WORLD_UNIT_DEG);
    if (out.length && qx === px && qy === py) continue;
    out.push(qx - px, qy - py);
    px = qx, py = qy;
  }
  return out;
}

function signedArea(ring) {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; ++i) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a / 2;
}

/** Land (polygons of rings) and country borders (lines) of the whole world, encoded as above. */
function worldCoastline() {
  const topo = JSON.parse(readFileSync(join(WEB_DIR, 'node_modules/world-atlas/countries-50m.json'), 'utf8'));
  const land = topojson.feature(topo, topo.objects.land);
  const borders = topojson.mesh(topo, topo.objects.countries, (a, b) => a !== b);
  const polygons = [];
  for (const f of land.type === 'FeatureCollection' ? land.features : [land]) {
    const g = f.geometry;
    for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      const rings = [];
      for (const ring of poly) {
        // d3 reads rings on the sphere by their winding: a ring that thinning and rounding
        // turned around (or flattened) would fill the rest of the globe, so it is left out.
        const thin = thinLine(ring, WORLD_TOLERANCE_DEG).map(([x, y]) =>
          [Math.round(x / WORLD_UNIT_DEG) * WORLD_UNIT_DEG, Math.round(y / WORLD_UNIT_DEG) * WORLD_UNIT_DEG]);
        const area = signedArea(thin);
        if (thin.length < 4 || Math.abs(area) < 1e-6 || Math.sign(area) !== Math.sign(signedArea(ring))) {
          if (!rings.length) break;  // no outer ring: no holes either
          continue;
        }
        rings.push(deltaEncode(thin));
      }
      if (rings.length) polygons.push(rings);
    }
  }
  const lines = borders.coordinates.map(l => deltaEncode(thinLine(l, WORLD_TOLERANCE_DEG))).filter(l => l.length >= 4);
  return {
    source: `Natural Earth 1:50m land and countries (public domain), via world-atlas ${packageVersion('world-atlas')}`,
    unit_deg: WORLD_UNIT_DEG, land: polygons, borders: lines,
  };
}

/** The self-contained template as a string. */
export function buildReportTemplate({scenarioDir = resolve(WEB_DIR, '../scenarios')} = {}) {
  let html = readFileSync(join(REPORT_DIR, 'template.html'), 'utf8');
  const count = html.split(DATA_MARKER).length - 1;
  if (count !== 1) throw new Error(`template.html: the data marker ${DATA_MARKER} occurs ${count} times; expected once`);

  const rest = html.replace(/<link rel="stylesheet" href="[^"]+">|<script src="[^"]+"><\/script>/g, '');
  if (/\b(src|href)\s*=/i.test(rest)) throw new Error('template.html refers to an outside file that would not be inlined');

  // <link rel="stylesheet" href="X"> -> <style>; <script src="X"></script> -> inline script
  html = html.replace(/<link rel="stylesheet" href="([^"]+)">/g, (_, href) =>
    `<style>\n${readFileSync(resolve(REPORT_DIR, href), 'utf8').replace(/<\/style/gi, '<\\/style')}</style>`);
  html = html.replace(/<script src="([^"]+)"><\/script>/g, (_, src) => {
    const file = resolve(REPORT_DIR, src);
    const pkg = /node_modules\/([^/]+)\//.exec(src);
    const note = pkg ? `/* ${pkg[1]} ${packageVersion(pkg[1])}, BSD-3-Clause, (c) University of Washington Interactive Data Lab; see node_modules/${pkg[1]}/LICENSE */\n` : '';
    return `<script>\n${note}${escapeScript(readFileSync(file, 'utf8'))}\n</script>`;
  });
  const coast = {...coastline(scenarioBoxes(scenarioDir)), world: worldCoastline()};
  html = html.replace('<script id="cupola-coast" type="application/json">null</script>',
    `<script id="cupola-coast" type="application/json">${JSON.stringify(coast).replace(/</g, '\\u003c')}</script>`);

  if (html.split(DATA_MARKER).length - 1 !== 1) throw new Error(`built template: the data marker must occur exactly once`);
  return html;
}

export function writeReportTemplate(out = join(WEB_DIR, 'dist/report_template.html')) {
  const html = buildReportTemplate();
  mkdirSync(dirname(out), {recursive: true});
  // Whole or not at all: `cupola run` may be reading the template meanwhile.
  const partial = `${out}.tmp-${process.pid}`;
  writeFileSync(partial, html);
  renameSync(partial, out);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const out = writeReportTemplate(i > 0 ? resolve(process.argv[i + 1]) : undefined);
  console.log(`wrote ${out} (${(readFileSync(out).length / 1024).toFixed(0)} KiB)`);
}
