// cupola replay viewer: one run's replay.czml in CesiumJS, fully offline
// (docs/viewer.md; the CZML it reads: docs/outputs.md, "replay.czml").
//
// The run directory is fetched from `run/` beside this page (what `cupola view
// RUN_DIR` serves) or from the URL given by `?run=<url>`. Run time t_s = 0 is
// the CZML epoch 2000-01-01T00:00:00Z; every time on screen is shown as T+seconds.
//
// For tests and scripting: window.cupolaViewer = {viewer, dataSource, summary,
// ready, softwareGl, julianAt(t_s), runTime(julianDate), settle(timeout_ms)}.
import './cesium_base.js';
import {
  Cartesian3,
  Color,
  CzmlDataSource,
  EllipsoidTerrainProvider,
  HeadingPitchRange,
  ImageryLayer,
  Ion,
  JulianDate,
  Material,
  Math as CesiumMath,
  Matrix4,
  PolylineCollection,
  TileMapServiceImageryProvider,
  Viewer,
  buildModuleUrl,
} from 'cesium';
import 'cesium/Build/Cesium/Widgets/widgets.css';
import './style.css';

const EPOCH = JulianDate.fromIso8601('2000-01-01T00:00:00Z');
const params = new URLSearchParams(location.search);
const runBase = new URL(withSlash(params.get('run') || 'run/'), document.baseURI).href;

// Threat fates (docs/outputs.md) in legend order, with their wording.
const FATES = [
  ['intercepted', 'intercepted'],
  ['leaked', 'leaked'],
  ['impact_defended_area', 'fell in a defended area'],
  ['engaged_open_ground', 'engaged, fell in open ground'],
  ['ignored_open_ground', 'let fall in open ground'],
  ['impact_open_ground', 'fell in open ground'],
  ['airborne_at_end', 'airborne at the end'],
  ['dud', 'dud (no damage)'],
  ['launch_failure', 'failed at launch'],
];
// A threat's colour while it flies says only what is known then (replay.czml's
// time-interval colours): not engaged yet, engaged; its fate's colour from its kill or impact on.
const STATES = [
  ['flying', 'flying, not engaged', '#ebebeb'],
  ['engaged', 'engaged', '#ff3cdc'],
];
// Fallback colours if an entity carries none (the CZML's own colours win).
const FATE_CSS = {
  intercepted: '#28c83c',
  leaked: '#e62828',
  impact_defended_area: '#e62828',
  engaged_open_ground: '#ff9600',
  ignored_open_ground: '#a0a0a0',
  impact_open_ground: '#a0a0a0',
  airborne_at_end: '#ffdc00',
  dud: '#a0a0a0',
  launch_failure: '#a0a0a0',
  interceptor: '#00dcff',
};

function withSlash(url) {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Seconds of run time at a Cesium date. */
function runTime(date) {
  return JulianDate.secondsDifference(date, EPOCH);
}

/** The Cesium date of run time t_s [s]. */
function julianAt(t_s) {
  return JulianDate.addSeconds(EPOCH, t_s, new JulianDate());
}

function formatT(t_s, digits) {
  const sign = t_s < 0 ? '\u2212' : '+';
  return `T${sign}${Math.abs(t_s).toFixed(digits)} s`;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const $ = (id) => document.getElementById(id);

function setStatus(text, isError = false) {
  const status = $('status');
  status.textContent = text;
  status.hidden = !text;
  status.classList.toggle('error', isError);
}

// What tests and scripts see.
const api = {
  viewer: null,
  dataSource: null,
  summary: null,
  ready: null,
  softwareGl: null, // the renderer's name when WebGL runs on the CPU
  julianAt,
  runTime,
  settle,
};
window.cupolaViewer = api;

// --- the Cesium viewer, with nothing that needs the network --------------------
Ion.defaultAccessToken = '';
const baseLayer = ImageryLayer.fromProviderAsync(
  TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII')),
);
// The bundled Natural Earth imagery is pale at this scale: darken it so the tracks stand out.
baseLayer.brightness = 0.55;
baseLayer.saturation = 0.8;
const viewer = new Viewer('cesium', {
  baseLayer,
  terrainProvider: new EllipsoidTerrainProvider(),
  baseLayerPicker: false,
  geocoder: false,
  homeButton: true,
  sceneModePicker: true,
  projectionPicker: false,
  navigationHelpButton: false,
  fullscreenButton: true,
  vrButton: false,
  infoBox: true,
  selectionIndicator: true,
  animation: true,
  timeline: true,
  shouldAnimate: false,
  // Draw only when something changes (the clock, the camera, a tile): idle when paused.
  requestRenderMode: true,
  maximumRenderTimeChange: 0,
});
api.viewer = viewer;
lightenForSoftwareGl(viewer.scene);
viewer.scene.globe.baseColor = Color.fromCssColorString('#10243a');

// Times as T+seconds: timeline ticks and the animation widget's two lines.
viewer.timeline.makeLabel = (date) => formatT(runTime(date), 0);
viewer.animation.viewModel.dateFormatter = () => 'run time';
viewer.animation.viewModel.timeFormatter = (date) => formatT(runTime(date), 1);

/**
 * Without a GPU (SwiftShader, llvmpipe: VMs, remote desktops, headless tests) every
 * pixel costs CPU: drop multisampling and the ground atmosphere.
 */
function lightenForSoftwareGl(scene) {
  const gl = scene.context._gl;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  if (!/swiftshader|llvmpipe|softpipe|software/i.test(renderer)) return;
  scene.msaaSamples = 1;
  scene.globe.showGroundAtmosphere = false;
  api.softwareGl = renderer;
}

/** Resolves once the globe's tiles are loaded and two more frames were drawn (or after timeout_ms). */
function settle(timeout_ms = 15000) {
  const scene = viewer.scene;
  return new Promise((resolve) => {
    const deadline = performance.now() + timeout_ms;
    let frames = 0;
    const remove = scene.postRender.addEventListener(() => {
      const loaded = scene.globe.tilesLoaded || performance.now() > deadline;
      frames = loaded ? frames + 1 : 0;
      if (frames >= 2) {
        remove();
        resolve();
      } else {
        scene.requestRender();
      }
    });
    scene.requestRender();
  });
}

// --- loading the run -------------------------------------------------------------
async function fetchJson(name, required) {
  const url = new URL(name, runBase).href;
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    if (!required) return null;
    throw new Error(`cannot fetch ${url}: ${error.message}`);
  }
  if (!response.ok) {
    if (!required) return null;
    throw new Error(`cannot fetch ${url}: HTTP ${response.status}`);
  }
  return response.json();
}

/** Longitude and latitude bounds [deg] and highest altitude [m] of every position in the CZML packets. */
function extentOf(packets) {
  const e = { west: 180, east: -180, south: 90, north: -90, high: 0, any: false };
  const add = (lon, lat, alt) => {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return;
    e.west = Math.min(e.west, lon);
    e.east = Math.max(e.east, lon);
    e.south = Math.min(e.south, lat);
    e.north = Math.max(e.north, lat);
    if (Number.isFinite(alt)) e.high = Math.max(e.high, alt);
    e.any = true;
  };
  for (const packet of packets) {
    // Coverage rings reach far beyond the action: the camera frames what happens, not what could.
    if (packet.id?.startsWith('coverage/')) continue;
    const deg = packet.position?.cartographicDegrees;
    if (Array.isArray(deg)) {
      if (deg.length === 3) add(deg[0], deg[1], deg[2]);
      else for (let i = 0; i + 3 < deg.length; i += 4) add(deg[i + 1], deg[i + 2], deg[i + 3]);
    }
    const poly = packet.polygon?.positions?.cartographicDegrees;
    if (Array.isArray(poly)) for (let i = 0; i + 2 < poly.length; i += 3) add(poly[i], poly[i + 1], poly[i + 2]);
  }
  return e;
}

function kindOf(entity, time) {
  return entity.properties?.kind?.getValue(time);
}

function propertyOf(entity, name, time) {
  const p = entity.properties?.[name];
  return p === undefined ? undefined : p.getValue(time);
}

/** The colour of an entity's point, or of its polygon's outline (or fill), opaque enough for a legend swatch. */
function cssColorOf(entity, time, fallback) {
  let color = entity.point?.color?.getValue(time);
  if (!color && entity.polygon) {
    color = entity.polygon.outline?.getValue(time) ? entity.polygon.outlineColor?.getValue(time) : undefined;
    color ??= entity.polygon.material?.getValue(time)?.color;
  }
  return color ? color.withAlpha(Math.max(color.alpha, 0.8)).toCssColorString() : fallback;
}

// --- the camera ------------------------------------------------------------------
/**
 * The home view: looking north, 45 degrees down, at the middle of the run's area,
 * from the nearest range at which the area's ground corners and its highest point
 * stay clear of the side panel and the timeline (found by bisection on the range).
 */
function homeView(extent) {
  const { camera, scene } = viewer;
  const lon = (extent.west + extent.east) / 2;
  const lat = (extent.south + extent.north) / 2;
  const target = Cartesian3.fromDegrees(lon, lat, 0);
  const points = [Cartesian3.fromDegrees(lon, lat, extent.high)];
  for (const x of [extent.west, extent.east]) for (const y of [extent.south, extent.north]) points.push(Cartesian3.fromDegrees(x, y, 0));
  const pitch = CesiumMath.toRadians(-45);
  const width = scene.canvas.clientWidth;
  const height = scene.canvas.clientHeight;
  const panelRight = $('panel').getBoundingClientRect().right;
  const halfWidth = width / 2 - Math.min(panelRight + 12, width / 4); // symmetric: the panel is on the left
  const above = height / 2 - 12;
  const below = height / 2 - 45; // the timeline
  const fits = (range) => {
    camera.lookAt(target, new HeadingPitchRange(0, pitch, range));
    return points.every((p) => {
      const w = scene.cartesianToCanvasCoordinates(p);
      return w && Math.abs(w.x - width / 2) <= halfWidth && w.y - height / 2 <= below && height / 2 - w.y <= above;
    });
  };
  let near = 1000;
  let far = 2e7;
  if (width > 0 && height > 0 && !fits(near))
    for (let i = 0; i < 40; i += 1) {
      const mid = Math.sqrt(near * far);
      if (fits(mid)) far = mid;
      else near = mid;
    }
  else far = Math.max(near, 5000);
  camera.lookAt(target, new HeadingPitchRange(0, pitch, far));
  camera.lookAtTransform(Matrix4.IDENTITY); // free the camera again
  return {
    destination: camera.position.clone(),
    orientation: { direction: camera.direction.clone(), up: camera.up.clone() },
  };
}

// --- coastlines and borders (Natural Earth 1:10m, cut into cells at build time) -----
/** Adds to `lines` the runs of each flat [lon, lat, ...] line that lie in box (plus one point either side). */
function addClipped(lines, flatLines, box, color, width) {
  const material = Material.fromType('Color', { color });
  const inside = (line, i) =>
    i >= 0 && i < line.length / 2 && line[2 * i] >= box.west && line[2 * i] <= box.east && line[2 * i + 1] >= box.south && line[2 * i + 1] <= box.north;
  let count = 0;
  for (const line of flatLines) {
    let run = [];
    const flush = () => {
      if (run.length >= 6) {
        lines.add({ positions: Cartesian3.fromDegreesArrayHeights(run), width, material });
        count += 1;
      }
      run = [];
    };
    for (let i = 0; i < line.length / 2; i += 1) {
      // Lifted 20 m so the globe does not hide them.
      if (inside(line, i - 1) || inside(line, i) || inside(line, i + 1)) run.push(line[2 * i], line[2 * i + 1], 20);
      else flush();
    }
    flush();
  }
  return count;
}

async function drawCoastlines(extent) {
  const base = new URL('coast/', document.baseURI);
  const index = await (await fetch(new URL('index.json', base))).json();
  const margin = Math.max(1.5, extent.east - extent.west, extent.north - extent.south);
  const box = {
    west: extent.west - margin,
    east: extent.east + margin,
    south: Math.max(-90, extent.south - margin),
    north: Math.min(90, extent.north + margin),
  };
  const step = index.cell_deg;
  const wanted = [];
  for (let lon = Math.floor(box.west / step) * step; lon <= box.east; lon += step)
    for (let lat = Math.floor(box.south / step) * step; lat <= box.north; lat += step) {
      const key = `${((((lon + 180) % 360) + 360) % 360) - 180}_${lat}`;
      if (index.cells.includes(key)) wanted.push(key);
    }
  const cells = await Promise.all(
    wanted.map(async (key) => {
      const response = await fetch(new URL(`${key}.json`, base));
      if (!response.ok) throw new Error(`coast/${key}.json: HTTP ${response.status}`);
      return response.json();
    }),
  );
  const lines = new PolylineCollection();
  let count = 0;
  for (const cell of cells) {
    count += addClipped(lines, cell.coast, box, Color.fromCssColorString('#cfe3ff'), 1.5);
    count += addClipped(lines, cell.borders, box, Color.fromCssColorString('#ffcf70').withAlpha(0.85), 1.2);
  }
  viewer.scene.primitives.add(lines);
  return count;
}

// --- the side panel ----------------------------------------------------------------
function showSummary(summary) {
  if (!summary) return;
  const fates = summary.defence?.fates;
  const leaked = fates ? (fates.leaked_engaged ?? 0) + (fates.leaked_ignored ?? 0) : undefined;
  const fired = summary.engagement?.interceptors_fired ?? summary.defence?.interceptors_fired ?? 0;
  const rows = [
    ['threats', summary.threats],
    ['intercepted', fates?.intercepted ?? summary.intercepted ?? 0],
    ['leaked', leaked ?? '\u2013'],
    ['hits in defended areas', summary.impacts_in_defended_areas],
    ['fell in open ground', summary.impacts_in_open_ground],
    ['interceptors fired', fired],
  ];
  const ratio = summary.defence?.cost_exchange_ratio;
  if (summary.defence) rows.push(['cost-exchange ratio', Number.isFinite(ratio) && fired > 0 ? ratio.toFixed(1) : 'n/a (nothing fired)']);
  const dl = $('summary');
  dl.innerHTML = rows
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd data-key="${escapeHtml(k)}">${escapeHtml(v)}</dd>`)
    .join('');
  dl.hidden = false;
}

function showLegend(entities, time) {
  const items = new Map(); // key -> {label, color, count, shape}
  const bump = (key, label, color, shape, by = 1) => {
    const item = items.get(key) ?? { label, color, count: 0, shape };
    item.count += by;
    items.set(key, item);
  };
  const threats = entities.filter((e) => kindOf(e, time) === 'threat');
  // While flying: every threat starts "not engaged" (no count: all of them); the engaged ones
  // turn at their engage time.
  if (threats.length) {
    items.set('state:flying', { label: STATES[0][1], color: STATES[0][2], count: null, shape: 'dot' });
    const engaged = threats.filter((e) => Number.isFinite(propertyOf(e, 'engaged_t_s', time))).length;
    bump('state:engaged', STATES[1][1], STATES[1][2], 'dot', engaged);
  }
  for (const entity of entities) {
    const kind = kindOf(entity, time);
    if (kind === 'threat') {
      const fate = propertyOf(entity, 'fate', time) ?? 'unknown';
      const label = FATES.find(([f]) => f === fate)?.[1] ?? fate;
      // The fate's colour is the threat's from its end on.
      const end = entity.availability?.stop ?? time;
      bump(`fate:${fate}`, label, cssColorOf(entity, end, FATE_CSS[fate] ?? '#ffffff'), 'dot');
    } else if (kind === 'interceptor') {
      bump('interceptor', 'interceptor', cssColorOf(entity, time, FATE_CSS.interceptor), 'dot');
    } else if (['launch_site', 'battery', 'radar'].includes(kind)) {
      bump(kind, kind.replace('_', ' '), cssColorOf(entity, time, '#ffffff'), 'dot');
    } else if (kind === 'defended_area') {
      bump('area', 'defended area', cssColorOf(entity, time, '#3c78ff'), 'box');
    } else if (kind === 'alert_zone') {
      bump('zone', 'alert zone', cssColorOf(entity, time, '#ffdc00'), 'box');
    } else if (kind === 'radar_coverage') {
      bump('radar_coverage', 'radar coverage', cssColorOf(entity, time, '#be8cff'), 'ring');
    } else if (kind === 'battery_range') {
      bump('battery_range', 'battery engagement range', cssColorOf(entity, time, '#00c8ff'), 'ring');
    }
  }
  const order = [
    ...STATES.map(([s]) => `state:${s}`),
    ...FATES.map(([f]) => `fate:${f}`),
    'interceptor', 'launch_site', 'battery', 'radar', 'area', 'zone', 'radar_coverage', 'battery_range',
  ];
  const rank = (key) => (order.indexOf(key) < 0 ? order.length : order.indexOf(key));
  const keys = [...items.keys()].sort((a, b) => rank(a) - rank(b));
  // Headings over the threats' states in flight, their fates, and the rest.
  const groupOf = (key) => (key.startsWith('state:') ? 'threats in flight' : key.startsWith('fate:') ? 'threats at their end' : 'the scene');
  const ul = $('legend');
  ul.innerHTML = keys
    .map((key, i) => {
      const { label, color, count, shape } = items.get(key);
      const group = groupOf(key);
      const heading = group && (i === 0 || groupOf(keys[i - 1]) !== group) ? `<li class="heading">${group}</li>` : '';
      return `${heading}<li data-key="${escapeHtml(key)}"><span class="swatch ${shape}" style="--c:${escapeHtml(color)}"></span>${escapeHtml(label)}<span class="count">${count ?? ''}</span></li>`;
    })
    .join('');
  ul.hidden = keys.length === 0;
}

/** Buttons that jump to each burst of launches (threat starts more than 30 s apart). */
function showJumps(entities) {
  const starts = entities
    .filter((e) => e.id.startsWith('threat/') && e.availability)
    .map((e) => runTime(e.availability.start))
    .sort((a, b) => a - b);
  const bursts = [];
  for (const t of starts) {
    const last = bursts[bursts.length - 1];
    if (last && t - last.last <= 30) last.last = t;
    else bursts.push({ first: t, last: t });
  }
  if (bursts.length < 2) return; // one burst: the start of the clock is enough
  const shown = bursts.slice(0, 12);
  const holder = $('jump-buttons');
  for (const burst of shown) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = formatT(burst.first, 0);
    button.title = 'launches from here';
    button.addEventListener('click', () => {
      const clock = viewer.clock;
      const t = JulianDate.addSeconds(julianAt(burst.first), -2, new JulianDate());
      clock.currentTime = JulianDate.greaterThan(t, clock.startTime) ? t : clock.startTime.clone();
    });
    holder.appendChild(button);
  }
  $('jumps').hidden = false;
}

/** Entities without their own description get a table of their CZML properties. */
function describe(entities, time) {
  for (const entity of entities) {
    if (entity.description || !entity.properties) continue;
    const rows = entity.properties.propertyNames.map((name) => {
      const value = entity.properties[name].getValue(time);
      const text = value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
      return `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(text)}</td></tr>`;
    });
    if (entity.availability && entity.availability.length > 0) {
      rows.push(`<tr><th>from</th><td>${formatT(runTime(entity.availability.start), 2)}</td></tr>`);
      rows.push(`<tr><th>to</th><td>${formatT(runTime(entity.availability.stop), 2)}</td></tr>`);
    }
    entity.description = `<table class="cesium-infoBox-defaultTable"><tbody>${rows.join('')}</tbody></table>`;
  }
}

// Above this many threats and interceptors their labels start off (they would hide the scene).
const MAX_MOVERS_LABELLED = 80;

/** The panel's switches: labels of threats and interceptors, trails, alert zones, coverage. */
function wireToggles(entities, time) {
  const movers = entities.filter((e) => ['threat', 'interceptor'].includes(kindOf(e, time)));
  const ofKind = (kind) => entities.filter((e) => kindOf(e, time) === kind);
  const zones = ofKind('alert_zone');
  const wire = (id, list, apply) => {
    const box = $(id);
    const set = () => list.forEach((e) => apply(e, box.checked));
    box.addEventListener('change', set);
    box.parentElement.hidden = list.length === 0;
    return { box, set };
  };
  const labels = wire('show-labels', movers.filter((e) => e.label), (e, on) => (e.label.show = on));
  wire('show-trails', movers.filter((e) => e.path), (e, on) => (e.path.show = on));
  wire('show-zones', zones, (e, on) => (e.show = on));
  wire('show-radar-coverage', ofKind('radar_coverage'), (e, on) => (e.show = on));
  wire('show-battery-range', ofKind('battery_range'), (e, on) => (e.show = on));
  if (movers.length > MAX_MOVERS_LABELLED) {
    labels.box.checked = false;
    labels.set();
  }
  $('toggles').hidden = false;
}

async function loadRun() {
  const [packets, summary] = await Promise.all([fetchJson('replay.czml', true), fetchJson('summary.json', false)]);
  if (!Array.isArray(packets) || packets.length === 0 || packets[0].id !== 'document')
    throw new Error('replay.czml is not a CZML document (a JSON array starting with the "document" packet)');
  api.summary = summary;
  const name = packets[0].name ?? summary?.scenario?.name;
  if (name) {
    $('title').textContent = name;
    document.title = `${name} \u2013 cupola replay`;
  }
  showSummary(summary);

  const dataSource = new CzmlDataSource(name);
  await dataSource.load(packets);
  await viewer.dataSources.add(dataSource);
  viewer.clockTrackedDataSource = dataSource;
  api.dataSource = dataSource;
  const clock = viewer.clock;
  viewer.timeline.zoomTo(clock.startTime, clock.stopTime);
  clock.shouldAnimate = params.get('play') !== '0';

  const entities = dataSource.entities.values;
  const t0 = clock.startTime;
  describe(entities, t0);
  showLegend(entities, t0);
  showJumps(entities);
  wireToggles(entities, t0);

  const extent = extentOf(packets);
  if (extent.any) {
    const home = homeView(extent);
    viewer.homeButton.viewModel.command.beforeExecute.addEventListener((event) => {
      event.cancel = true;
      viewer.camera.flyTo({ ...home, duration: 1.5 });
    });
    try {
      await drawCoastlines(extent);
    } catch (error) {
      console.warn(`cupola viewer: no coastlines: ${error.message}`);
    }
  }
  setStatus('');
  return dataSource;
}

api.ready = loadRun().catch((error) => {
  setStatus(error.message, true);
  throw error;
});
api.ready.catch(() => {}); // shown in the panel; awaiting callers still see the rejection
