// cupola report: draws one run's data (the JSON in #cupola-data, docs/report.md) as a map, an
// altitude-time chart, an event timeline, the interceptors each battery has loaded over time
// (Vega-Lite via vega-embed; each with PNG and SVG save buttons) and outcome tables (HTML).
// Plain browser JS, no network: everything it needs is inlined by report/build.mjs.
//
// For a raid of ~1000 threats it stays light: paths keep every k-th sample (<= PATH_BUDGET points),
// at most ELLIPSE_BUDGET predicted-impact ellipses are drawn, and the timeline bins its events when
// there are more than TIMELINE_TICK_LIMIT of them. What was drawn is counted in data-* attributes of
// each chart and in window.cupolaReport (read by web/test/report.test.mjs).
'use strict';

(function () {
  const THREAT_PATH_BUDGET = 30000;       // points over all threat paths
  const INTERCEPTOR_PATH_BUDGET = 15000;  // points over all interceptor paths
  const ELLIPSE_BUDGET = 1500;            // predicted-impact ellipses drawn
  const ELLIPSES_PER_TRACK = 8;           // at most, evenly spread in time, the last always
  const ELLIPSE_MAX_WIDTH = 1 / 3;        // of the map's width; wider ones are left out
  const ELLIPSE_VERTICES = 24;            // vertices kept per ellipse
  const TIMELINE_TICK_LIMIT = 3000;       // above this, events are binned
  const TABLE_ROW_LIMIT = 500;            // rows of the per-threat table
  const MAX_WINDOWS = 4;                  // time axis broken into at most this many activity windows

  // Colours follow the replay viewer (docs/report.md): fate of a threat; interceptors cyan.
  const FATES = {
    intercepted: {label: 'intercepted', color: '#2e9d46'},
    leaked: {label: 'leaked (hit a defended area)', color: '#d7263d'},
    impact_defended_area: {label: 'hit a defended area', color: '#d7263d'},
    engaged_open_ground: {label: 'engaged, fell in open ground', color: '#f08a24'},
    ignored_open_ground: {label: 'let fall in open ground', color: '#8d959c'},
    impact_open_ground: {label: 'fell in open ground', color: '#8d959c'},
    airborne_at_end: {label: 'airborne at the end', color: '#d9a400'},
    dud: {label: 'dud (came down, no damage)', color: '#b7bcc1'},
    launch_failure: {label: 'failed at launch', color: '#b7bcc1'},
  };
  const UNKNOWN_FATE = {label: 'unknown fate', color: '#555555'};
  const INTERCEPTOR = {label: 'interceptor', color: '#12a4c0'};
  const COLORS = {
    area: '#c62f3a', zone: '#a86b00', ellipse: '#7d5ba6', launch: '#222222',
    battery: '#1d4f91', radar: '#6c3a9c', kill: '#1f7a35', noKill: '#e07b00', miss: '#6f7780',
    land: '#f2efe6', landStroke: '#c4bba8', border: '#8f8675', sea: '#e4eef5', plain: '#fafaf8',
  };
  // Timeline rows: event type, label, colour. Detections are not events; bookkeeping types are left out.
  const EVENT_ROWS = [
    ['launch', 'launch', '#222222'],
    ['track_confirmed', 'track confirmed', '#7a8590'],
    ['alert', 'alert', '#d9a400'],
    ['engage', 'engage', '#f08a24'],
    ['ignore', 'ignore', '#a3abb2'],
    ['hold_fire', 'hold fire', '#8c564b'],
    ['fire', 'fire', '#12a4c0'],
    ['detonation', 'detonation', '#1d4f91'],
    ['interceptor_miss', 'interceptor miss', '#7fb2d9'],
    ['killed', 'killed', '#2e9d46'],
    ['no_intercept', 'no intercept', '#9c5ba6'],
    ['impact', 'impact', '#d7263d'],
    ['airborne_at_end', 'airborne at end', '#d9a400'],
    ['link_down', 'link down', '#555555'],
    ['link_up', 'link up', '#9aa3ab'],
  ];
  const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

  const state = {status: 'loading', data: null, views: {}, counts: {}, errors: [], saved: []};
  window.cupolaReport = state;

  // ---------------------------------------------------------------- small helpers
  const $ = id => document.getElementById(id);
  const nf0 = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});
  const nf1 = new Intl.NumberFormat('en-US', {maximumFractionDigits: 1});
  const nf2 = new Intl.NumberFormat('en-US', {maximumFractionDigits: 2});
  const isNum = x => typeof x === 'number' && Number.isFinite(x);
  const fmt = (x, f = nf1) => (isNum(x) ? f.format(x) : '–');
  const pct = x => (isNum(x) ? `${nf1.format(100 * x)} %` : '–');
  const usd = x => (isNum(x) ? `USD ${nf0.format(x)}` : '–');
  const fateOf = key => FATES[key] || UNKNOWN_FATE;
  const humanize = s => String(s).replace(/_/g, ' ');
  const shellWord = w => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${String(w).replace(/'/g, `'\\''`)}'`);
  const ordinal = k => `${k}${k % 100 >= 11 && k % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][k % 10] || 'th'}`;

  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
    return e;
  }

  function show(id) { $(id).hidden = false; }

  // ---------------------------------------------------------------- data
  /** The run's data, or null for the unreplaced template; throws on anything unreadable. */
  function readData() {
    const text = $('cupola-data').textContent;
    const data = JSON.parse(text);
    if (typeof data === 'string') return null;  // the template's marker: no run data
    if (!data || typeof data !== 'object') throw new Error('the report data is not a JSON object');
    if (data.format !== 'cupola-report-data') throw new Error(`unexpected format "${data.format}"; expected "cupola-report-data"`);
    if (data.version !== 1) throw new Error(`report data version ${data.version}; this template reads version 1`);
    data.summary = data.summary || {};
    data.scenario = data.scenario || data.summary.scenario || {};
    data.threats = Array.isArray(data.threats) ? data.threats : [];
    data.interceptors = Array.isArray(data.interceptors) ? data.interceptors : [];
    data.events = Array.isArray(data.events) ? data.events : [];
    data.geometry = data.geometry && Array.isArray(data.geometry.features) ? data.geometry : {type: 'FeatureCollection', features: []};
    data.predictions = data.predictions && Array.isArray(data.predictions.features) ? data.predictions : {type: 'FeatureCollection', features: []};
    for (const list of [data.threats, data.interceptors]) for (const x of list) if (!Array.isArray(x.path)) x.path = [];
    return data;
  }

  function readCoast() {
    const node = $('cupola-coast');
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }

  /** Keeps every k-th point of each path (and its last), k chosen so the total stays within budget. */
  function thinPaths(items, budget) {
    const total = items.reduce((n, x) => n + x.path.length, 0);
    const k = Math.max(1, Math.ceil(total / budget));
    for (const x of items) {
      x.drawPath = k === 1 ? x.path : x.path.filter((p, i, a) => i % k === 0 || i === a.length - 1);
    }
    return {k, total, kept: items.reduce((n, x) => n + x.drawPath.length, 0)};
  }

  // d3-geo (inside Vega) reads polygons on the sphere: an exterior ring must run clockwise or it
  // stands for the rest of the globe. GeoJSON files (RFC 7946) run anticlockwise: rewind them.
  function planarArea(ring) {
    let a = 0;
    for (let i = 0; i + 1 < ring.length; ++i) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    return a / 2;
  }
  function rewindPolygon(rings) {
    return rings.map((r, i) => ((i === 0) === (planarArea(r) > 0) ? r.slice().reverse() : r));
  }
  function rewindGeometry(g) {
    if (!g) return g;
    if (g.type === 'Polygon') return {type: 'Polygon', coordinates: rewindPolygon(g.coordinates)};
    if (g.type === 'MultiPolygon') return {type: 'MultiPolygon', coordinates: g.coordinates.map(rewindPolygon)};
    return g;
  }
  function thinRing(ring, n) {
    if (ring.length <= n + 1) return ring;
    const k = Math.ceil((ring.length - 1) / n);
    const out = ring.filter((p, i) => i % k === 0 && i < ring.length - 1);
    out.push(out[0]);
    return out;
  }

  function polygonCentroid(g) {
    const rings = g.type === 'Polygon' ? [g.coordinates[0]] : g.type === 'MultiPolygon' ? g.coordinates.map(p => p[0]) : [];
    let ax = 0, ay = 0, aa = 0;
    for (const r of rings) {
      for (let i = 0; i + 1 < r.length; ++i) {
        const c = r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
        ax += (r[i][0] + r[i + 1][0]) * c;
        ay += (r[i][1] + r[i + 1][1]) * c;
        aa += c;
      }
    }
    if (Math.abs(aa) < 1e-15) {
      const pts = rings.flat();
      return pts.length ? [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length] : null;
    }
    return [ax / (3 * aa), ay / (3 * aa)];
  }

  function eachCoord(g, f) {
    if (!g) return;
    const walk = c => { if (typeof c[0] === 'number') f(c); else c.forEach(walk); };
    if (g.type === 'GeometryCollection') g.geometries.forEach(x => eachCoord(x, f));
    else if (g.coordinates) walk(g.coordinates);
  }

  /** [west, south, east, north] of everything on the map but the ellipses, with a margin. */
  function dataBounds(data) {
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    const add = (lon, lat) => {
      if (!isNum(lon) || !isNum(lat)) return;
      w = Math.min(w, lon); e = Math.max(e, lon); s = Math.min(s, lat); n = Math.max(n, lat);
    };
    for (const f of data.geometry.features) eachCoord(f.geometry, c => add(c[0], c[1]));
    for (const x of data.threats) for (const p of x.path) add(p[1], p[2]);
    for (const x of data.interceptors) for (const p of x.path) add(p[1], p[2]);
    if (!isNum(w)) {
      const o = data.scenario.origin || {};
      if (!isNum(o.lon_deg)) return null;
      w = e = o.lon_deg; s = n = o.lat_deg;
    }
    const mx = Math.max(0.006, 0.06 * (e - w)), my = Math.max(0.005, 0.06 * (n - s));
    return [w - mx, s - my, e + mx, n + my];
  }

  /** Splits the run into at most MAX_WINDOWS stretches of activity separated by long quiet gaps. */
  function activityWindows(intervals) {
    const iv = intervals.filter(([a, b]) => isNum(a) && isNum(b)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)])
      .sort((x, y) => x[0] - y[0]);
    if (!iv.length) return [];
    const merged = [iv[0].slice()];
    for (const [a, b] of iv.slice(1)) {
      const last = merged[merged.length - 1];
      if (a <= last[1]) last[1] = Math.max(last[1], b); else merged.push([a, b]);
    }
    const span = merged[merged.length - 1][1] - merged[0][0];
    const minGap = Math.max(60, 0.1 * span);
    let win = [merged[0].slice()];
    for (const [a, b] of merged.slice(1)) {
      const last = win[win.length - 1];
      if (a - last[1] < minGap) last[1] = Math.max(last[1], b); else win.push([a, b]);
    }
    while (win.length > MAX_WINDOWS) {
      let best = 1;
      for (let i = 2; i < win.length; ++i) if (win[i][0] - win[i - 1][1] < win[best][0] - win[best - 1][1]) best = i;
      win[best - 1][1] = win[best][1];
      win.splice(best, 1);
    }
    return win.map(([a, b]) => {
      const pad = Math.max(1, 0.03 * (b - a));
      return {start: a >= 0 ? Math.max(0, a - pad) : a - pad, end: b + pad};
    });
  }
  function windowOf(windows, t) {
    for (let i = 0; i < windows.length; ++i) if (t >= windows[i].start && t <= windows[i].end) return i;
    return windows.length ? 0 : -1;
  }

  // The altitude chart and the timeline share their layout so that their time axes line up: a fixed
  // gutter for the y axis, the same panels side by side.
  const GUTTER = 118;      // y-axis labels [px]
  const PANEL_GAP = 14;    // between the windows' panels [px]
  const RIGHT_PAD = 16;    // [px]

  /** Widths of the windows' panels: proportional to their durations, none narrower than minWidth. */
  function panelWidths(windows, total, minWidth) {
    const n = windows.length, gap = PANEL_GAP;
    const avail = Math.max(n * minWidth, total - (n - 1) * gap);
    const dur = windows.map(w => Math.max(1e-9, w.end - w.start));
    const sum = dur.reduce((a, b) => a + b, 0);
    let widths = dur.map(d => Math.max(minWidth, avail * d / sum));
    const over = widths.reduce((a, b) => a + b, 0) - avail;
    if (over > 0) {
      const flexible = widths.map(w => w - minWidth), fsum = flexible.reduce((a, b) => a + b, 0);
      if (fsum > 0) widths = widths.map((w, i) => w - over * flexible[i] / fsum);
    }
    return widths.map(Math.floor);
  }

  // ---------------------------------------------------------------- vega helpers
  const baseConfig = {
    font: FONT,
    view: {stroke: '#d5d9de'},
    axis: {labelColor: '#3b4148', titleColor: '#22272d', titleFontWeight: 600, titleFontSize: 12, labelFontSize: 11,
           gridColor: '#e8ebee', domainColor: '#9aa3ab', tickColor: '#9aa3ab'},
    legend: {labelFontSize: 11, titleFontSize: 12, titleColor: '#22272d', labelColor: '#3b4148', symbolStrokeWidth: 2.5},
    title: {font: FONT, fontSize: 12, fontWeight: 500, color: '#4a525a', anchor: 'start'},
  };

  async function embed(id, spec) {
    const result = await vegaEmbed(`#${id}`, spec, {actions: false, renderer: 'canvas', tooltip: {theme: 'light'}});
    state.views[id] = result.view;
    return result.view;
  }

  /** Number of scene items in the marks of a view whose name starts with prefix and ends with suffix. */
  function countItems(view, prefix, suffix = '_marks') {
    let n = 0;
    (function walk(node) {
      if (!node) return;
      if (node.marktype && typeof node.name === 'string' && node.name.startsWith(prefix) && node.name.endsWith(suffix)) {
        n += node.items.length;
      }
      if (node.items) for (const it of node.items) walk(it);
    })(view.scenegraph().root);
    return n;
  }
  state.countItems = (viewId, prefix, suffix) => countItems(state.views[viewId], prefix, suffix);

  // ---------------------------------------------------------------- header, headline, footnote
  function renderHeader(data) {
    const sc = data.scenario, sm = data.summary;
    const name = sc.name || 'unnamed scenario';
    document.title = `cupola report: ${name}`;
    $('title').textContent = name;
    const seed = sc.seed ?? sm.seed;
    const parts = [];
    if (sc.file) parts.push(el('span', {}, 'scenario ', el('code', {text: sc.file})));
    parts.push(el('span', {'data-testid': 'seed'}, `seed ${seed ?? '–'}`));
    parts.push(el('span', {'data-testid': 'version'}, `cupola ${data.cupola_version || sm.cupola_version || '?'}`));
    if (isNum(sc.duration_s)) parts.push(el('span', {}, `${nf0.format(sc.duration_s)} s simulated`));
    const o = sc.origin;
    if (o && isNum(o.lat_deg)) {
      parts.push(el('span', {}, `origin ${Math.abs(o.lat_deg).toFixed(4)}° ${o.lat_deg >= 0 ? 'N' : 'S'}, ` +
                              `${Math.abs(o.lon_deg).toFixed(4)}° ${o.lon_deg >= 0 ? 'E' : 'W'}`));
    }
    $('meta').replaceChildren(...parts.flatMap((p, i) => (i ? [el('span', {class: 'sep', 'aria-hidden': 'true'}, '·'), p] : [p])));
  }

  function headlineFigures(data) {
    const sm = data.summary, d = sm.defence, eng = sm.engagement;
    const threats = sm.threats ?? data.threats.length;
    const figs = [{key: 'threats', label: 'threats', value: fmt(threats, nf0)}];
    if (d && d.fates) {
      const f = d.fates;
      figs.push({key: 'intercepted', label: 'intercepted', value: fmt(f.intercepted, nf0), tone: 'good'});
      figs.push({key: 'leaked', label: 'leaked into defended areas', value: fmt((f.leaked_engaged || 0) + (f.leaked_ignored || 0), nf0), tone: 'bad'});
    } else {
      if (isNum(sm.intercepted)) figs.push({key: 'intercepted', label: 'intercepted', value: fmt(sm.intercepted, nf0), tone: 'good'});
      figs.push({key: 'leaked', label: 'impacts in defended areas', value: fmt(sm.impacts_in_defended_areas, nf0), tone: 'bad'});
    }
    const fired = eng?.interceptors_fired ?? d?.interceptors_fired;
    if (isNum(fired)) figs.push({key: 'fired', label: 'interceptors fired', value: fmt(fired, nf0)});
    if (d) {
      // Nothing fired: there is no ratio (a 0 would read as a bargain).
      figs.push(isNum(d.cost_exchange_ratio) && fired !== 0
        ? {key: 'cer', label: 'cost-exchange ratio', value: fmt(d.cost_exchange_ratio, nf1),
           note: `defence ${usd(d.defence_cost_usd)} vs attack ${usd(d.attack_cost_usd)}`}
        : {key: 'cer', label: 'cost-exchange ratio', value: 'n/a', note: 'nothing fired'});
    }
    return figs;
  }

  function renderHeadline(data) {
    const figs = headlineFigures(data);
    $('headline').replaceChildren(...figs.map(f => el('div', {class: `figure ${f.tone || ''}`, title: f.note},
      el('div', {class: 'value', 'data-testid': `headline-${f.key}`}, f.value),
      el('div', {class: 'label'}, f.label),
      f.note ? el('div', {class: 'note'}, f.note) : null)));
    show('headline');
  }

  function renderFootnote(data, info) {
    const sc = data.scenario, sm = data.summary;
    const items = [
      `Made by cupola ${data.cupola_version || sm.cupola_version || '?'} from scenario ${sc.file ? `"${sc.file}"` : sc.name}` +
        ` with seed ${sc.seed ?? sm.seed ?? '–'}` + (sm.replication_seed !== undefined ? ` (replication seed ${sm.replication_seed})` : '') +
        `; ${isNum(sc.duration_s) ? `${nf0.format(sc.duration_s)} s of scenario time` : ''}. The same scenario and seed give the same numbers.`,
      'Paths are the simulated truth (threats and interceptors), positions WGS84 with heights above the ellipsoid; ' +
        'times are seconds since the start of the scenario.' +
        [['threat', info.threatThin.k], ['interceptor', info.interceptorThin.k]].filter(([, k]) => k > 1)
          .map(([what, k]) => ` To keep the page light, ${what} paths are drawn with every ${ordinal(k)} sample (and the last).`).join(''),
      info.predictionsTotal
        ? `Ellipses: the tracker's 2-sigma predicted impact regions, ${nf0.format(info.predictionsDrawn)} of ${nf0.format(info.predictionsTotal)} drawn` +
          (info.predictionsTooLarge ? `; ${nf0.format(info.predictionsTooLarge)} wider than a third of the map are left out` : '') +
          (info.predictionsDrawn < info.predictionsTotal - info.predictionsTooLarge
            ? `; of the others, at most ${ELLIPSES_PER_TRACK} per track, evenly spread in time, the last always` : '') + '.'
        : null,
      info.windows.length > 1
        ? `The time axes skip quiet gaps: ${info.windows.length} stretches of activity are drawn side by side.` : null,
      info.timelineMode === 'binned'
        ? `The timeline counts events in ${info.binLabel} bins (${nf0.format(info.timelineEvents)} events, too many to draw one by one).` : null,
      info.coast ? `Coastline and borders: ${info.coast}; approximate at this scale.` : 'No coastline is drawn for this area.',
      'Threat fates: intercepted = destroyed in the air; leaked = came down in a defended area; let fall in open ground = ' +
        'judged harmless and not engaged. Outcome numbers are from the run summary (summary.json). ' +
        'Every model uses openly published physics and parameters (cupola docs/); the results are a simulation, not a measurement.',
    ].filter(Boolean);
    $('footnote').replaceChildren(...[el('h2', {text: 'How these data were made'}), el('ol', {}, items.map(t => el('li', {text: t}))),
                                      provenanceLine(sm.provenance)].filter(Boolean));
    show('footnote');
  }

  /** "cupola 0.2.0 · scenario sha256 0123456789ab · seed 7 · 2 threads · command line ..." when summary.json has provenance. */
  function provenanceLine(p) {
    if (!p || typeof p !== 'object') return null;
    const parts = [`cupola ${p.version ?? '?'}${p.commit ? ` (${String(p.commit).slice(0, 12)})` : ''}`];
    if (p.scenario_sha256) parts.push(`scenario sha256 ${String(p.scenario_sha256).slice(0, 12)}`);
    if (p.seed !== undefined && p.seed !== null) parts.push(`seed ${p.seed}`);
    if (isNum(p.threads)) parts.push(`${p.threads} ${p.threads === 1 ? 'thread' : 'threads'}`);
    const line = el('p', {class: 'provenance', 'data-testid': 'provenance'}, parts.join(' · '));
    if (Array.isArray(p.command_line) && p.command_line.length) {
      line.append(' · command line ', el('code', {text: p.command_line.map(shellWord).join(' ')}));
    }
    return line;
  }

  // ---------------------------------------------------------------- tables
  function table(caption, columns, rows, attrs = {}) {
    const t = el('table', {class: 'data', ...attrs});  // attrs.class replaces 'data' (keep it in)
    if (caption) t.append(el('caption', {text: caption}));
    t.append(el('thead', {}, el('tr', {}, columns.map(c => el('th', {scope: 'col', class: c.num ? 'num' : null, text: c.label})))));
    t.append(el('tbody', {}, rows.map(r => el('tr', {class: r._class || null, 'data-key': r._key ?? null},
      columns.map((c, i) => el(i === 0 ? 'th' : 'td', {scope: i === 0 ? 'row' : null, class: c.num ? 'num' : null,
                                                     'data-testid': r._testid && c.testid ? `${r._testid}-${c.testid}` : null},
        r[c.key] ?? '–'))))));
    t.dataset.rows = String(rows.length);
    return t;
  }

  function swatch(color) { return el('span', {class: 'swatch', style: `background:${color}`, 'aria-hidden': 'true'}); }

  function renderTables(data) {
    const sm = data.summary, d = sm.defence, eng = sm.engagement, tr = sm.tracking;
    const threats = sm.threats ?? data.threats.length;
    const b = {};  // the tables, by name; laid out at the end

    // Fates: the defence's bookkeeping when there is one, else where the threats fell.
    let fateRows;
    if (d && d.fates) {
      const f = d.fates;
      fateRows = [
        ['intercepted', 'intercepted', f.intercepted, FATES.intercepted.color],
        ['leaked_engaged', 'leaked though engaged', f.leaked_engaged, FATES.leaked.color],
        ['leaked_ignored', 'leaked unengaged', f.leaked_ignored, FATES.leaked.color],
        ['ignored_open_ground', 'let fall in open ground', f.ignored_open_ground, FATES.ignored_open_ground.color],
        ['engaged_open_ground', 'engaged but fell in open ground', f.engaged_open_ground, FATES.engaged_open_ground.color],
        ['airborne_at_end', 'airborne at the end', f.airborne_at_end, FATES.airborne_at_end.color],
        ['dud', 'dud (came down, no damage)', f.dud, FATES.dud.color],
        ['launch_failure', 'failed at launch', f.launch_failure, FATES.launch_failure.color],
      ];
    } else {
      fateRows = [
        ['impacts_in_defended_areas', 'hit a defended area', sm.impacts_in_defended_areas, FATES.impact_defended_area.color],
        ['impacts_in_open_ground', 'fell in open ground', sm.impacts_in_open_ground, FATES.impact_open_ground.color],
        ['airborne_at_end', 'airborne at the end', sm.airborne_at_end, FATES.airborne_at_end.color],
        ['duds', 'dud (came down, no damage)', sm.duds, FATES.dud.color],
        ['launch_failures', 'failed at launch', sm.launch_failures, FATES.launch_failure.color],
      ];
      if (isNum(sm.intercepted)) fateRows.unshift(['intercepted', 'intercepted', sm.intercepted, FATES.intercepted.color]);
    }
    const fatesTable = table('Threat fates', [
      {key: 'fate', label: 'fate'}, {key: 'n', label: 'threats', num: true, testid: 'count'}, {key: 'share', label: 'share', num: true},
    ], [
      ...fateRows.map(([key, label, n, color]) => ({_key: key, _testid: `fate-${key}`, fate: el('span', {}, swatch(color), label),
                                                  n: fmt(n, nf0), share: isNum(threats) && threats > 0 && isNum(n) ? pct(n / threats) : '–'})),
      {_key: 'total', _class: 'total', _testid: 'fate-total', fate: 'all threats', n: fmt(threats, nf0), share: isNum(threats) && threats > 0 ? '100 %' : '–'},
    ], {id: 'outcome-table', 'data-testid': 'outcome-table'});
    b.fates = fatesTable;

    // By threat type: launched and impacts from the run, engagement figures from the defence.
    const types = new Set([...Object.keys(sm.by_threat_type || {}), ...Object.keys(d?.by_threat_type || {})]);
    if (types.size) {
      const cols = [{key: 'type', label: 'threat type'}, {key: 'launched', label: 'launched', num: true}];
      if (d?.by_threat_type) {
        cols.push({key: 'engaged', label: 'engaged', num: true}, {key: 'intercepted', label: 'intercepted', num: true, testid: 'intercepted'},
                  {key: 'leaked', label: 'leaked', num: true}, {key: 'ioe', label: 'intercepted of engaged', num: true});
      }
      cols.push({key: 'ida', label: 'impacts in defended areas', num: true}, {key: 'iog', label: 'impacts in open ground', num: true});
      b.types = (table('By threat type', cols, [...types].sort().map(t => {
        const a = sm.by_threat_type?.[t] || {}, b = d?.by_threat_type?.[t] || {};
        return {_key: t, _testid: `type-${t}`, type: humanize(t), launched: fmt(a.launched ?? b.launched, nf0), engaged: fmt(b.engaged, nf0),
                intercepted: fmt(b.intercepted, nf0), leaked: fmt(b.leaked, nf0), ioe: pct(b.intercepted_of_engaged),
                ida: fmt(a.impacts_in_defended_areas, nf0), iog: fmt(a.impacts_in_open_ground, nf0)};
      }), {'data-testid': 'type-table'}));
    }

    if (Array.isArray(sm.defended_areas) && sm.defended_areas.length) {
      b.areas = (table('Defended areas', [
        {key: 'name', label: 'defended area'}, {key: 'value', label: 'value', num: true},
        {key: 'aimed', label: 'threats aimed', num: true}, {key: 'impacts', label: 'impacts', num: true, testid: 'impacts'},
      ], sm.defended_areas.map(a => ({_key: a.name, _testid: `area-${a.name}`, name: a.name, value: fmt(a.value, nf0),
                                       aimed: fmt(a.threats_aimed, nf0), impacts: fmt(a.impacts, nf0)})),
      {'data-testid': 'area-table'}));
    }

    if (eng && Array.isArray(eng.batteries) && eng.batteries.length) {
      const rows = eng.batteries.map(b => ({_key: b.name, _testid: `battery-${b.name}`, name: b.name,
                                            fired: fmt(b.interceptors_fired, nf0), cost: usd(b.cost_usd)}));
      if (eng.batteries.length > 1) {
        rows.push({_key: 'total', _class: 'total', name: 'all batteries', fired: fmt(eng.interceptors_fired, nf0),
                   cost: usd(eng.batteries.reduce((s, b) => s + (b.cost_usd || 0), 0))});
      }
      b.batteries = (table('Batteries', [
        {key: 'name', label: 'battery'}, {key: 'fired', label: 'interceptors fired', num: true, testid: 'fired'},
        {key: 'cost', label: 'cost', num: true},
      ], rows, {'data-testid': 'battery-table'}));
    }

    if (d || eng) {
      const kv = [];
      if (eng) {
        kv.push(['threats fired at', fmt(eng.threats_fired_at, nf0)], ['salvo shots', fmt(eng.salvo_shots, nf0)],
                ['planned kills (sum of 1 − Π(1 − Pk))', fmt(eng.planned_kills, nf2)], ['engaged tracks never fired at', fmt(eng.no_intercept, nf0)],
                ['held fire (value/cost rule)', fmt(eng.hold_fire, nf0)], ['presumed killed (kill assessment)', fmt(eng.presumed_killed, nf0)],
                ['survivors assessed', fmt(eng.survivors_assessed, nf0)]);
      }
      if (d) {
        // Ratios of nothing are not 0: say why there is none.
        const fired = eng?.interceptors_fired ?? d.interceptors_fired;
        const killed = d.fates?.intercepted;
        const perKill = (x, f) => (killed === 0 ? 'n/a (no kill)' : f(x));
        kv.push(['interceptors detonated', fmt(d.interceptors_detonated, nf0)], ['interceptors per kill', perKill(d.interceptors_per_kill, x => fmt(x, nf2))],
                ['defence cost', usd(d.defence_cost_usd)], ['attack cost', usd(d.attack_cost_usd)],
                ['cost per intercept', perKill(d.cost_per_intercept_usd, usd)],
                ['cost-exchange ratio (defence / attack)', fired === 0 || !isNum(d.cost_exchange_ratio) ? 'n/a (nothing fired)' : fmt(d.cost_exchange_ratio, nf2)]);
      }
      b.engagement = (table('Engagement and cost', [{key: 'k', label: 'quantity'}, {key: 'v', label: 'value', num: true, testid: 'value'}],
        kv.map(([k, v]) => ({k, v, _testid: `engagement-${k.split(' (')[0].replace(/\W+/g, '-')}`})), {'data-testid': 'engagement-table'}));
    }

    const zones = tr?.assessment?.alert_zones;
    if (Array.isArray(zones) && zones.length) {
      b.zones = (table('Alert zones', [
        {key: 'name', label: 'alert zone'}, {key: 'alerts', label: 'alerts', num: true}, {key: 'tru', label: 'true', num: true},
        {key: 'fa', label: 'false alarms', num: true}, {key: 'impacts', label: 'would-be impacts', num: true, testid: 'impacts'},
        {key: 'icpt', label: 'of them intercepted', num: true, testid: 'intercepted'},
        {key: 'missed', label: 'would-be impacts without alert', num: true}, {key: 'minw', label: 'min warning [s]', num: true},
        {key: 'meanw', label: 'mean warning [s]', num: true}, {key: 'pm', label: 'people × minutes alerted', num: true},
      ], zones.map(z => ({_key: z.name, _testid: `zone-${z.name}`, name: z.name, alerts: fmt(z.alerts, nf0), tru: fmt(z.true_alerts, nf0),
                          fa: fmt(z.false_alarms, nf0), impacts: fmt(z.impacts, nf0), icpt: fmt(z.intercepted, nf0), missed: fmt(z.missed_alerts, nf0),
                          minw: fmt(z.min_warning_s, nf1), meanw: fmt(z.mean_warning_s, nf1), pm: fmt(z.people_minutes_alerted, nf0)})),
      {'data-testid': 'zone-table'}));
      b.zones = el('div', {}, b.zones, el('p', {class: 'table-note'},
        'Would-be impacts: threats that would have come down in the zone had nothing touched them; the intercepted ones never did. ' +
        'A true alert is one for such a threat.'));
    }

    if (tr) {
      const kv = [['radar scans', fmt(tr.scans, nf0)], ['detections of threats', fmt(tr.detections, nf0)], ['false alarms', fmt(tr.false_alarms, nf0)],
                  ['tracks confirmed', fmt(tr.tracks_confirmed, nf0)], ['position RMSE [m]', fmt(tr.position_rmse_m, nf1)],
                  ['velocity RMSE [m/s]', fmt(tr.velocity_rmse_mps, nf1)], ['coverage', pct(tr.coverage)],
                  ['track breaks', fmt(tr.track_breaks, nf0)], ['identity switches', fmt(tr.identity_switches, nf0)],
                  ['mean GOSPA [m]', fmt(tr.mean_gospa_m, nf1)]];
      b.tracking = table('Tracking', [{key: 'k', label: 'quantity'}, {key: 'v', label: 'value', num: true}],
        kv.map(([k, v]) => ({k, v})), {'data-testid': 'tracking-table'});
      const as = tr.assessment;
      if (as) {
        const kd = [['impact predictions', fmt(as.impact_predictions, nf0)], ['engage/ignore decisions', fmt(as.decisions, nf0)]];
        const c = as.confusion;
        if (c) {
          // Judged by where each threat would have come down untouched, intercepted or not.
          kd.push(['engaged, and it would have hit a defended area', fmt(c.engaged_and_should, nf0)],
                  ['engaged, but it would have fallen in open ground', fmt(c.engaged_but_open_ground, nf0)],
                  ['ignored, but it would have hit a defended area', fmt(c.ignored_but_hit_area, nf0)],
                  ['ignored, and it would have fallen in open ground', fmt(c.ignored_and_open_ground, nf0)],
                  ['decisions on tracks of no threat', fmt(c.no_threat_under_track, nf0)]);
        }
        b.decisions = table('Impact prediction and decisions', [{key: 'k', label: 'quantity'}, {key: 'v', label: 'count', num: true}],
          kd.map(([k, v]) => ({k, v})), {'data-testid': 'decision-table'});
      }
    }

    // Per threat, capped.
    if (data.threats.length) {
      const firedAt = new Map();
      for (const i of data.interceptors) if (i.threat_id !== null && i.threat_id !== undefined) firedAt.set(i.threat_id, (firedAt.get(i.threat_id) || 0) + 1);
      // Salvos by their scenario names (the launch sites of the geometry carry them).
      const salvoName = new Map();
      for (const f of data.geometry.features) if (f.properties?.kind === 'launch_site') salvoName.set(f.properties.salvo, f.properties.name);
      const shown = data.threats.slice(0, TABLE_ROW_LIMIT);
      const t = table(null, [
        {key: 'id', label: 'threat', num: true}, {key: 'type', label: 'type'}, {key: 'salvo', label: 'salvo', testid: 'salvo'},
        {key: 'launch', label: 'launch [s]', num: true}, {key: 'engaged', label: 'engaged [s]', num: true}, {key: 'end', label: 'end [s]', num: true},
        {key: 'fate', label: 'fate'}, {key: 'area', label: 'area hit'}, {key: 'fired', label: 'interceptors', num: true},
      ], shown.map(x => ({_key: x.id, _testid: `threat-${x.id}`, id: x.id, type: humanize(x.type ?? '–'),
                          salvo: salvoName.get(x.salvo) ?? (x.salvo ?? '–'), launch: fmt(x.launch_t_s, nf1),
                          engaged: fmt(x.engaged_t_s, nf1), end: fmt(x.end_t_s, nf1),
                          fate: el('span', {}, swatch(fateOf(x.fate).color), fateOf(x.fate).label),
                          area: x.area ?? '–', fired: firedAt.get(x.id) ?? 0})), {class: 'data list', 'data-testid': 'threat-table'});
      const more = data.threats.length - shown.length;
      b.threats = (el('details', {class: 'threat-list'},
        el('summary', {}, `Every threat (${nf0.format(data.threats.length)})`),
        el('div', {class: 'table-scroll'}, t), more > 0 ? el('p', {class: 'caption'}, `… and ${nf0.format(more)} more, not listed.`) : null));
    }

    // Two columns of short tables, then the wide ones; the per-threat list last.
    const stack = (...nodes) => el('div', {class: 'stack'}, nodes.filter(Boolean));
    $('tables-body').replaceChildren(...[
      el('div', {class: 'pair'}, stack(b.fates, b.areas, b.batteries), stack(b.engagement)),
      b.types, b.zones,
      b.tracking || b.decisions ? el('div', {class: 'pair'}, stack(b.tracking), stack(b.decisions)) : null,
      b.threats,
    ].filter(Boolean));
    show('tables');
  }

  // ---------------------------------------------------------------- map
  function legendItem(svg, label) {
    const item = el('span', {class: 'legend-item'});
    item.innerHTML = `<svg width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">${svg}</svg>`;
    item.append(el('span', {text: label}));
    return item;
  }

  function renderMapLegend(present) {
    const items = [];
    for (const [key, f] of Object.entries(FATES)) {
      if (present.fates.has(key)) items.push(legendItem(`<line x1="1" y1="7" x2="21" y2="7" stroke="${f.color}" stroke-width="2.5"/>`, `threat: ${f.label}`));
    }
    if (present.interceptors) items.push(legendItem(`<line x1="1" y1="7" x2="21" y2="7" stroke="${INTERCEPTOR.color}" stroke-width="1.5"/>`, 'interceptor path'));
    if (present.areas) items.push(legendItem(`<rect x="2" y="2" width="18" height="10" fill="${COLORS.area}" fill-opacity="0.14" stroke="${COLORS.area}" stroke-width="1.5"/>`, 'defended area'));
    if (present.zones) items.push(legendItem(`<rect x="2" y="2" width="18" height="10" fill="none" stroke="${COLORS.zone}" stroke-dasharray="4 2"/>`, 'alert zone'));
    if (present.ellipses) items.push(legendItem(`<ellipse cx="11" cy="7" rx="9" ry="4.5" fill="none" stroke="${COLORS.ellipse}" stroke-opacity="0.6"/>`, 'predicted impact, 2σ'));
    if (present.impacts) items.push(legendItem(`<circle cx="11" cy="7" r="4" fill="#8d959c" stroke="#fff"/>`, 'impact (colour: fate)'));
    if (present.kill) items.push(legendItem(`<path transform="translate(11 7)" d="${CROSS}" fill="${COLORS.kill}"/>`, 'interceptor kill'));
    if (present.noKill) items.push(legendItem(`<circle cx="11" cy="7" r="4" fill="none" stroke="${COLORS.noKill}" stroke-width="1.6"/>`, 'detonation, no kill'));
    if (present.miss) items.push(legendItem(`<path transform="translate(11 7)" d="M-3.5,-3.5L3.5,3.5M-3.5,3.5L3.5,-3.5" stroke="${COLORS.miss}" stroke-width="1.5"/>`, 'interceptor miss'));
    if (present.launch) items.push(legendItem(`<path transform="translate(11 8)" d="M0,-5L5,4L-5,4Z" fill="${COLORS.launch}"/>`, 'launch site'));
    if (present.battery) items.push(legendItem(`<rect x="6.5" y="2.5" width="9" height="9" fill="${COLORS.battery}"/>`, 'battery'));
    if (present.radar) items.push(legendItem(`<path transform="translate(11 7)" d="M0,-5.5L5.5,0L0,5.5L-5.5,0Z" fill="${COLORS.radar}"/>`, 'radar'));
    if (present.coast) items.push(legendItem(`<rect x="1" y="1" width="10" height="12" fill="${COLORS.sea}"/><rect x="11" y="1" width="10" height="12" fill="${COLORS.land}"/><line x1="11" y1="1" x2="11" y2="13" stroke="${COLORS.landStroke}"/>`, 'sea / land'));
    $('map-legend').replaceChildren(...items);
  }
  // A plus-shaped marker: CROSS in legend pixels, CROSS_UNIT for Vega (which scales [-1, 1] by size).
  const CROSS = 'M-1.6,-5H1.6V-1.6H5V1.6H1.6V5H-1.6V1.6H-5V-1.6H-1.6Z';
  const CROSS_UNIT = 'M-0.34,-1H0.34V-0.34H1V0.34H0.34V1H-0.34V0.34H-1V-0.34H-0.34Z';

  function feature(geometry, properties) { return {type: 'Feature', geometry, properties}; }

  /** [[lon, lat], ...] of a line written as whole units, each point the difference from the last (report/build.mjs). */
  function decodeLine(deltas, unit) {
    const out = [];
    let x = 0, y = 0;
    for (let i = 0; i + 1 < deltas.length; i += 2) {
      x += deltas[i];
      y += deltas[i + 1];
      out.push([x * unit, y * unit]);
    }
    return out;
  }

  /** The world coastline's land polygons and borders that reach into box [w, s, e, n] (or near it). */
  function worldNear(world, [w, s, e, n]) {
    const mx = e - w, my = n - s;
    const near = pts => {
      let a = Infinity, b = Infinity, c = -Infinity, d = -Infinity;
      for (const [x, y] of pts) { a = Math.min(a, x); b = Math.min(b, y); c = Math.max(c, x); d = Math.max(d, y); }
      return a <= e + mx && c >= w - mx && b <= n + my && d >= s - my;
    };
    const land = [];
    for (const rings of world.land) {
      const outer = decodeLine(rings[0], world.unit_deg);
      if (!near(outer)) continue;
      // The rings are wound as d3 reads them on the sphere (build.mjs keeps only those): no rewinding.
      land.push(feature({type: 'Polygon', coordinates: [outer, ...rings.slice(1).map(r => decodeLine(r, world.unit_deg))]}, {kind: 'land'}));
    }
    const lines = world.borders.map(l => decodeLine(l, world.unit_deg)).filter(near);
    const borders = lines.length ? [feature({type: 'MultiLineString', coordinates: lines}, {kind: 'border'})] : [];
    return {land, borders};
  }

  function selectEllipses(features) {
    const byTrack = new Map();
    for (const f of features) {
      const k = f.properties?.track_id ?? -1;
      if (!byTrack.has(k)) byTrack.set(k, []);
      byTrack.get(k).push(f);
    }
    // Share the budget out: short tracks keep all theirs, the rest split what is left (at least one each).
    const lists = [...byTrack.values()].sort((x, y) => x.length - y.length);
    const out = [];
    let left = ELLIPSE_BUDGET;
    lists.forEach((list, i) => {
      const per = Math.min(ELLIPSES_PER_TRACK, Math.max(1, Math.floor(left / (lists.length - i))));
      if (list.length <= per) out.push(...list);
      else for (let j = 0; j < per; ++j) out.push(list[Math.round((list.length - 1) * (per === 1 ? 1 : j / (per - 1)))]);
      left -= Math.min(list.length, per);
    });
    if (out.length <= ELLIPSE_BUDGET) return out;
    // More tracks than the budget: every k-th of the tracks' last ellipses, in time order.
    out.sort((a, b) => (a.properties?.t_s ?? 0) - (b.properties?.t_s ?? 0));
    return out.filter((f, i) => Math.floor(i * ELLIPSE_BUDGET / out.length) !== Math.floor((i - 1) * ELLIPSE_BUDGET / out.length));
  }

  function mapSpec(data, coast, width) {
    const feats = data.geometry.features.filter(f => f && f.geometry);
    const kind = k => feats.filter(f => f.properties?.kind === k);
    const bounds = dataBounds(data) || [-0.05, -0.05, 0.05, 0.05];  // nothing placed at all: an empty map
    const [w, s, e, n] = bounds;
    const mercY = lat => Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360));
    const aspect = (mercY(n) - mercY(s)) / ((e - w) * Math.PI / 180);
    const height = Math.round(Math.min(720, Math.max(380, width * aspect)));
    // What the fitted projection shows (d3 fitSize: the bounds scaled to fit, centred).
    const fitScale = Math.min(width / ((e - w) * Math.PI / 180), height / (mercY(n) - mercY(s)));
    const yCentre = (mercY(n) + mercY(s)) / 2, lonCentre = (w + e) / 2;
    const viewW = lonCentre - (width / 2 / fitScale) * 180 / Math.PI, viewE = lonCentre + (width / 2 / fitScale) * 180 / Math.PI;
    const viewS = (2 * Math.atan(Math.exp(yCentre - height / 2 / fitScale)) - Math.PI / 2) * 180 / Math.PI;
    const viewN = (2 * Math.atan(Math.exp(yCentre + height / 2 / fitScale)) - Math.PI / 2) * 180 / Math.PI;
    const fit = feature({type: 'MultiPoint', coordinates: [[w, s], [e, s], [e, n], [w, n]]}, {});

    const areas = kind('defended_area').map(f => feature(rewindGeometry(f.geometry), f.properties));
    const zones = kind('alert_zone').map(f => feature(rewindGeometry(f.geometry), f.properties));
    // Ellipses wider than a third of the map (early, vague predictions) would only veil it: left out.
    const allEllipses = data.predictions.features.filter(f => f && f.geometry && f.geometry.type === 'Polygon');
    const lonSpan = f => { let a = Infinity, b = -Infinity; for (const c of f.geometry.coordinates[0]) { a = Math.min(a, c[0]); b = Math.max(b, c[0]); } return b - a; };
    const usable = allEllipses.filter(f => lonSpan(f) <= ELLIPSE_MAX_WIDTH * (viewE - viewW));
    const ellipses = selectEllipses(usable).map(f => feature(
      rewindGeometry({type: 'Polygon', coordinates: [thinRing(f.geometry.coordinates[0], ELLIPSE_VERTICES)]}),
      {t_s: f.properties?.t_s, track_id: f.properties?.track_id, p: f.properties?.p_defended_area}));
    const threatLines = data.threats.filter(x => x.drawPath.length >= 2).map(x => feature(
      {type: 'LineString', coordinates: x.drawPath.map(p => [p[1], p[2]])},
      {id: x.id, type: humanize(x.type ?? ''), fate: fateOf(x.fate).label, launch: x.launch_t_s, end: x.end_t_s, area: x.area ?? 'none'}));
    const interceptorLines = data.interceptors.filter(x => x.drawPath.length >= 2).map(x => feature(
      {type: 'LineString', coordinates: x.drawPath.map(p => [p[1], p[2]])},
      {id: x.id, battery: x.battery, result: humanize(x.result ?? ''), threat: x.threat_id ?? 'none'}));

    const threatById = new Map(data.threats.map(x => [x.id, x]));
    let impacts = data.events.filter(ev => ev.type === 'impact' && ev.position).map(ev => ({
      lon: ev.position.lon_deg, lat: ev.position.lat_deg, id: ev.threat_id, t: ev.t_s, area: ev.area ?? 'open ground',
      fate: fateOf(threatById.get(ev.threat_id)?.fate).label}));
    if (!impacts.length) {
      impacts = data.threats.filter(x => x.path.length && !['intercepted', 'airborne_at_end'].includes(x.fate)).map(x => {
        const p = x.path[x.path.length - 1];
        return {lon: p[1], lat: p[2], id: x.id, t: p[0], area: x.area ?? 'open ground', fate: fateOf(x.fate).label};
      });
    }
    let ends = data.interceptors.filter(x => Array.isArray(x.end) && x.result && x.result !== 'flying').map(x => ({
      lon: x.end[0], lat: x.end[1], alt: x.end[2], id: x.id, result: x.result, threat: x.threat_id ?? 'none',
      miss: isNum(x.miss_m) ? x.miss_m : 'n/a', t: x.end_t_s}));
    if (!data.interceptors.length) {
      ends = data.events.filter(ev => ev.type === 'killed' && ev.position).map(ev => ({
        lon: ev.position.lon_deg, lat: ev.position.lat_deg, alt: ev.position.alt_m, id: 'n/a', result: 'kill', threat: ev.threat_id, miss: 'n/a', t: ev.t_s}));
    }

    const pts = k => kind(k).filter(f => f.geometry.type === 'Point').map(f => ({lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], ...f.properties}));
    // One marker per launch site position, listing its salvos.
    const launchMap = new Map();
    for (const p of pts('launch_site')) {
      const key = `${p.lon.toFixed(5)},${p.lat.toFixed(5)}`;
      if (!launchMap.has(key)) launchMap.set(key, {lon: p.lon, lat: p.lat, salvos: [], names: [], types: new Set()});
      launchMap.get(key).salvos.push(p.salvo);
      if (p.name) launchMap.get(key).names.push(p.name);
      if (p.threat_type) launchMap.get(key).types.add(humanize(p.threat_type));
    }
    const launches = [...launchMap.values()].map(l => ({lon: l.lon, lat: l.lat, types: [...l.types].join(', '),
      salvos: l.salvos.join(', '),
      label: l.names.length === l.salvos.length ? [...new Set(l.names)].join(', ') : `${l.salvos.length > 1 ? 'salvos' : 'salvo'} ${l.salvos.join(', ')}`}));
    const batteries = pts('battery'), radars = pts('radar');
    const labels = [
      ...areas.map(f => { const c = polygonCentroid(f.geometry); return c && {lon: c[0], lat: c[1], text: f.properties?.name ?? '', cls: 'area'}; }).filter(Boolean),
      ...batteries.map(p => ({lon: p.lon, lat: p.lat, text: p.name ?? '', cls: 'site'})),
      ...radars.map(p => ({lon: p.lon, lat: p.lat, text: p.name ?? '', cls: 'below'})),
      ...launches.map(p => ({lon: p.lon, lat: p.lat, text: p.label, cls: 'site'})),
    ];

    // Coastline: 1:10m where one of its boxes holds the whole map, else the world's at 1:50m.
    const coastBox = coast && coast.boxes && coast.boxes.find(b => b[0] <= w && b[1] <= s && b[2] >= e && b[3] >= n);
    let land = [], borders = [], coastSource = null;
    if (coastBox) {
      land = coast.land.map(f => feature(rewindGeometry(f.geometry), f.properties));
      borders = coast.borders;
      coastSource = coast.source;
    } else if (coast && coast.world) {
      ({land, borders} = worldNear(coast.world, [viewW, viewS, viewE, viewN]));
      coastSource = coast.world.source;
    }

    const lonlat = {longitude: {field: 'lon', type: 'quantitative'}, latitude: {field: 'lat', type: 'quantitative'}};
    const fateScale = {domain: Object.values(FATES).map(f => f.label).concat(UNKNOWN_FATE.label),
                       range: Object.values(FATES).map(f => f.color).concat(UNKNOWN_FATE.color)};
    const layer = [];
    const add = (name, values, mark, encoding = {}) => { if (values.length) layer.push({name, data: {values}, mark: {clip: true, ...mark}, encoding}); };
    add('land', land, {type: 'geoshape', fill: COLORS.land, stroke: COLORS.landStroke, strokeWidth: 0.8});
    add('borders', borders, {type: 'geoshape', filled: false, stroke: COLORS.border, strokeWidth: 1, strokeDash: [5, 3]});
    add('areas', areas, {type: 'geoshape', fill: COLORS.area, fillOpacity: 0.12, stroke: COLORS.area, strokeWidth: 1.6},
        {tooltip: [{field: 'properties.name', title: 'defended area'}, {field: 'properties.value', title: 'value', format: ',.0f'}]});
    add('zones', zones, {type: 'geoshape', filled: false, stroke: COLORS.zone, strokeWidth: 1.1, strokeDash: [6, 3]},
        {tooltip: [{field: 'properties.name', title: 'alert zone'}]});
    add('ellipses', ellipses, {type: 'geoshape', filled: false, stroke: COLORS.ellipse, strokeWidth: 0.7,
                               strokeOpacity: ellipses.length > 300 ? 0.12 : 0.3});
    add('interceptor_paths', interceptorLines, {type: 'geoshape', filled: false, stroke: INTERCEPTOR.color, strokeWidth: 1.1, strokeOpacity: 0.85},
        {tooltip: [{field: 'properties.id', title: 'interceptor'}, {field: 'properties.battery', title: 'battery'},
                   {field: 'properties.result', title: 'result'}, {field: 'properties.threat', title: 'threat'}]});
    add('threat_paths', threatLines, {type: 'geoshape', filled: false, strokeWidth: threatLines.length > 200 ? 0.8 : 1.6,
                                      strokeOpacity: threatLines.length > 200 ? 0.55 : 0.9},
        {stroke: {field: 'properties.fate', type: 'nominal', scale: fateScale, legend: null},
         tooltip: [{field: 'properties.id', title: 'threat'}, {field: 'properties.type', title: 'type'},
                   {field: 'properties.fate', title: 'fate'}, {field: 'properties.area', title: 'area'},
                   {field: 'properties.launch', title: 'launch [s]', format: '.1f'}, {field: 'properties.end', title: 'end [s]', format: '.1f'}]});
    add('impacts', impacts, {type: 'circle', size: impacts.length > 200 ? 14 : 42, stroke: '#ffffff', strokeWidth: impacts.length > 200 ? 0.4 : 1, opacity: 0.95},
        {...lonlat, fill: {field: 'fate', type: 'nominal', scale: fateScale, legend: null},
         tooltip: [{field: 'id', title: 'impact of threat'}, {field: 'fate', title: 'fate'}, {field: 'area', title: 'where'}, {field: 't', title: 't [s]', format: '.1f'}]});
    const endTooltip = [{field: 'id', title: 'interceptor'}, {field: 'result', title: 'result'}, {field: 'threat', title: 'threat'},
                        {field: 'miss', title: 'miss distance [m]'}, {field: 't', title: 't [s]', format: '.1f'}, {field: 'alt', title: 'altitude [m]', format: '.0f'}];
    add('kills', ends.filter(x => x.result === 'kill'), {type: 'point', shape: CROSS_UNIT, size: 90, filled: true, fill: COLORS.kill, stroke: '#ffffff', strokeWidth: 0.6, opacity: 1},
        {...lonlat, tooltip: endTooltip});
    add('nokills', ends.filter(x => x.result === 'detonated_no_kill'), {type: 'point', shape: 'circle', size: 40, filled: false, stroke: COLORS.noKill, strokeWidth: 1.6},
        {...lonlat, tooltip: endTooltip});
    add('misses', ends.filter(x => x.result === 'miss'), {type: 'point', shape: 'M-1,-1L1,1M-1,1L1,-1', size: 30, filled: false, stroke: COLORS.miss, strokeWidth: 1.4},
        {...lonlat, tooltip: endTooltip});
    add('launch_sites', launches, {type: 'point', shape: 'M0,-1.1L1,0.7L-1,0.7Z', size: 110, filled: true, fill: COLORS.launch, stroke: '#ffffff', strokeWidth: 0.8, opacity: 1},
        {...lonlat, tooltip: [{field: 'label', title: 'launch site'}, {field: 'salvos', title: 'salvos'}, {field: 'types', title: 'threat types'}]});
    add('batteries', batteries, {type: 'point', shape: 'square', size: 90, filled: true, fill: COLORS.battery, stroke: '#ffffff', strokeWidth: 0.8, opacity: 1},
        {...lonlat, tooltip: [{field: 'name', title: 'battery'}]});
    add('radars', radars, {type: 'point', shape: 'diamond', size: 110, filled: true, fill: COLORS.radar, stroke: '#ffffff', strokeWidth: 0.8, opacity: 1},
        {...lonlat, tooltip: [{field: 'name', title: 'radar'}, {field: 'max_range_m', title: 'max range [m]', format: ',.0f'}]});
    // Site labels right of their marker, left of it near the right edge.
    // Radar labels go below their marker, other sites' above: a radar often stands by a battery.
    const areaLabels = labels.filter(l => l.cls === 'area'), siteLabels = labels.filter(l => l.cls !== 'area');
    const dy = l => (l.cls === 'below' ? 13 : -6);
    const nearRight = l => l.lon > viewW + 0.82 * (viewE - viewW);
    // Scale bar: a round length near a sixth of the map's width, bottom left.
    const latBar = viewS + 0.05 * (viewN - viewS), lonBar = viewW + 0.03 * (viewE - viewW);
    const mPerDegLon = 111320 * Math.cos(latBar * Math.PI / 180);
    const target = (viewE - viewW) * mPerDegLon / 6;
    const barM = [100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6].filter(x => x <= target).pop() || 100;
    const bar = [feature({type: 'LineString', coordinates: [[lonBar, latBar], [lonBar + barM / mPerDegLon, latBar]]}, {})];
    const barLabel = [{lon: lonBar + barM / mPerDegLon / 2, lat: latBar, text: barM >= 1000 ? `${barM / 1000} km` : `${barM} m`}];
    add('scale_bar_halo', bar, {type: 'geoshape', filled: false, stroke: '#ffffff', strokeWidth: 6, strokeOpacity: 0.8, strokeCap: 'butt'});
    add('scale_bar', bar, {type: 'geoshape', filled: false, stroke: '#2b3137', strokeWidth: 2.5, strokeCap: 'butt'});
    for (const [name, list, style] of [
      ['area_labels', areaLabels, {fontSize: 13, fontWeight: 700, fill: '#7d1620'}],
      ['site_labels', siteLabels.filter(l => !nearRight(l) && dy(l) < 0), {fontSize: 11, fontWeight: 500, fill: '#2b3137', align: 'left', dx: 9, dy: -6}],
      ['site_labels_right', siteLabels.filter(l => nearRight(l) && dy(l) < 0), {fontSize: 11, fontWeight: 500, fill: '#2b3137', align: 'right', dx: -9, dy: -6}],
      ['site_labels_below', siteLabels.filter(l => !nearRight(l) && dy(l) > 0), {fontSize: 11, fontWeight: 500, fill: '#2b3137', align: 'left', dx: 7, dy: 13}],
      ['site_labels_below_right', siteLabels.filter(l => nearRight(l) && dy(l) > 0), {fontSize: 11, fontWeight: 500, fill: '#2b3137', align: 'right', dx: -7, dy: 13}],
      ['scale_label', barLabel, {fontSize: 11, fontWeight: 600, fill: '#2b3137', baseline: 'bottom', dy: -6}],
    ]) {
      add(`${name}_halo`, list, {type: 'text', ...style, fill: '#ffffff', stroke: '#ffffff', strokeWidth: 3, strokeOpacity: 0.85, strokeJoin: 'round'},
          {...lonlat, text: {field: 'text'}});
      add(name, list, {type: 'text', ...style}, {...lonlat, text: {field: 'text'}});
    }

    const spec = {
      width, height, padding: 0, autosize: {type: 'none'},
      background: land.length ? COLORS.sea : COLORS.plain,
      projection: {type: 'mercator', fit},
      config: {...baseConfig, view: {stroke: '#b9c0c7'}},
      layer,
    };
    const info = {
      threatLines: threatLines.length, interceptorLines: interceptorLines.length, impacts: impacts.length,
      kills: ends.filter(x => x.result === 'kill').length, ellipsesDrawn: ellipses.length, ellipsesTotal: allEllipses.length,
      ellipsesTooLarge: allEllipses.length - usable.length,
      coast: land.length || borders.length ? coastSource : null, bounds,
      present: {
        fates: new Set(data.threats.filter(x => x.drawPath.length >= 2).map(x => (FATES[x.fate] ? x.fate : null)).filter(Boolean)),
        interceptors: interceptorLines.length > 0, areas: areas.length > 0, zones: zones.length > 0, ellipses: ellipses.length > 0,
        impacts: impacts.length > 0, kill: ends.some(x => x.result === 'kill'), noKill: ends.some(x => x.result === 'detonated_no_kill'),
        miss: ends.some(x => x.result === 'miss'), launch: launches.length > 0, battery: batteries.length > 0, radar: radars.length > 0,
        coast: land.length > 0,
      },
    };
    return {spec, info};
  }

  // ---------------------------------------------------------------- altitude
  function timeAxis(windows, widths, i) {
    return {title: windows.length > 1 ? 'time [s]' : 'time since scenario start [s]',
            tickCount: Math.max(2, Math.round(widths[i] / 90)), labelFlush: true};
  }
  function timeChartWidths(windows, width) {
    return panelWidths(windows, width - GUTTER - RIGHT_PAD - 8, 120);
  }
  function timeChart(panels, values, extra = {}) {
    return {data: {values}, padding: {left: 0, right: RIGHT_PAD, top: 4, bottom: 4}, config: baseConfig,
            ...(panels.length > 1 ? {hconcat: panels, spacing: PANEL_GAP, ...extra} : panels[0])};
  }

  function altitudeSpec(data, windows, width) {
    const fateScale = {domain: [], range: []};
    for (const [key, f] of Object.entries(FATES)) {
      if (data.threats.some(x => x.fate === key) && !fateScale.domain.includes(f.label)) { fateScale.domain.push(f.label); fateScale.range.push(f.color); }
    }
    if (data.threats.some(x => !FATES[x.fate])) { fateScale.domain.push(UNKNOWN_FATE.label); fateScale.range.push(UNKNOWN_FATE.color); }
    if (data.interceptors.length) { fateScale.domain.push(INTERCEPTOR.label); fateScale.range.push(INTERCEPTOR.color); }

    const rows = [];
    let maxAlt = 0, minAlt = 0;
    let threatLines = 0, interceptorLines = 0;
    const push = (x, what, label) => {
      if (x.drawPath.length < 2) return false;
      const w = windowOf(windows, x.drawPath[0][0]);
      for (const p of x.drawPath) {
        const alt = p[3] / 1000;
        maxAlt = Math.max(maxAlt, alt);
        minAlt = Math.min(minAlt, alt);
        rows.push({k: `${what}${x.id}`, id: x.id, what, t: p[0], alt, c: label, w, type: x.type === undefined ? 'interceptor' : humanize(x.type)});
      }
      return true;
    };
    for (const x of data.interceptors) if (push(x, 'interceptor ', INTERCEPTOR.label)) ++interceptorLines;
    for (const x of data.threats) if (push(x, 'threat ', fateOf(x.fate).label)) ++threatLines;

    const height = 300, lines = threatLines + interceptorLines;
    const legend = {title: null, orient: 'top', direction: 'horizontal', symbolType: 'stroke', columnPadding: 18, offset: 22};
    const widths = timeChartWidths(windows, width);
    const panels = windows.map((win, i) => ({
      width: widths[i], height,
      transform: [{filter: `datum.w === ${i}`}],
      mark: {type: 'line', strokeWidth: lines > 200 ? 0.8 : 1.4, strokeOpacity: lines > 200 ? 0.35 : 0.85, interpolate: 'linear', clip: true},
      params: [{name: `zoom${i}`, select: {type: 'interval', encodings: ['x']}, bind: 'scales'}],
      name: `altitude_${i}`,
      encoding: {
        x: {field: 't', type: 'quantitative', scale: {domain: [win.start, win.end], nice: false, zero: false},
            axis: timeAxis(windows, widths, i)},
        y: {field: 'alt', type: 'quantitative', scale: {domain: [minAlt < -0.05 ? minAlt : 0, Math.max(0.1, maxAlt * 1.05)], nice: true},
            axis: i === 0
              ? {title: 'altitude [km]', minExtent: GUTTER, maxExtent: GUTTER, titleAngle: 270, titleAlign: 'center',
                 titleBaseline: 'top', titleX: -GUTTER + 6, titleY: height / 2}
              : {title: null, labels: false, ticks: false, domain: false}},
        color: {field: 'c', type: 'nominal', scale: fateScale, legend: legend},
        detail: {field: 'k'},
        tooltip: [{field: 'what', title: 'kind'}, {field: 'id', title: 'id'}, {field: 'type', title: 'type'}, {field: 'c', title: 'fate'},
                  {field: 't', title: 't [s]', format: '.1f'}, {field: 'alt', title: 'altitude [km]', format: '.2f'}],
      },
    }));
    const spec = timeChart(panels, rows, {resolve: {scale: {color: 'shared', y: 'shared'}, legend: {color: 'shared'}}});
    return {spec, info: {threatLines, interceptorLines, points: rows.length}};
  }

  // ---------------------------------------------------------------- timeline
  const BIN_SIZES_S = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600];
  const binLabel = size => (size >= 60 ? `${nf1.format(size / 60)} min` : `${nf1.format(size)} s`);
  function timelineSpec(data, windows, width) {
    const rowsByType = new Map(EVENT_ROWS.map(([type, label, color]) => [type, {label, color}]));
    const events = data.events.filter(ev => rowsByType.has(ev.type) && isNum(ev.t_s));
    const present = EVENT_ROWS.filter(([type]) => events.some(ev => ev.type === type));
    const labels = present.map(r => r[1]), colors = present.map(r => r[2]);
    const binned = events.length > TIMELINE_TICK_LIMIT;
    const widths = timeChartWidths(windows, width);
    let values, binSize = null;
    if (!binned) {
      values = events.map(ev => ({t: ev.t_s, label: rowsByType.get(ev.type).label, w: windowOf(windows, ev.t_s),
                                  threat: ev.threat_id ?? '–', track: ev.track_id ?? '–', area: ev.area ?? '–',
                                  reason: ev.reason ?? '–', detail: ev.detail ?? ''}));
    } else {
      // Bins of one round width (said in the caption and legend), about 5 px wide or more in every
      // panel; one row per (window, type, bin) that has events.
      const need = Math.max(...windows.map((win, i) => (win.end - win.start) / Math.max(10, Math.floor(widths[i] / 5))));
      binSize = BIN_SIZES_S.find(x => x >= need) ?? Math.ceil(need / 600) * 600;
      const counts = new Map();
      for (const ev of events) {
        const w = windowOf(windows, ev.t_s), b = Math.floor(ev.t_s / binSize);
        const key = `${w}|${ev.type}|${b}`;
        if (!counts.has(key)) counts.set(key, {w, label: rowsByType.get(ev.type).label, t0: b * binSize, t1: (b + 1) * binSize, n: 0});
        counts.get(key).n++;
      }
      values = [...counts.values()];
    }
    const rowHeight = 22;
    const height = Math.max(60, labels.length * rowHeight);
    const panels = windows.map((win, i) => {
      const x = {field: 't', type: 'quantitative', scale: {domain: [win.start, win.end], nice: false, zero: false},
                 axis: timeAxis(windows, widths, i)};
      const y = {field: 'label', type: 'nominal', scale: {domain: labels},
                 axis: i === 0 ? {title: null, labelFontSize: 11.5, labelPadding: 6, ticks: false, minExtent: GUTTER, maxExtent: GUTTER, labelLimit: GUTTER - 8}
                               : {title: null, labels: false, ticks: false, domain: false}};
      const common = {width: widths[i], height, name: `timeline_${i}`, transform: [{filter: `datum.w === ${i}`}]};
      if (!binned) {
        return {...common, mark: {type: 'tick', thickness: 1.6, size: rowHeight * 0.7, opacity: 0.85, clip: true},
                encoding: {x, y, color: {field: 'label', type: 'nominal', scale: {domain: labels, range: colors}, legend: null},
                           tooltip: [{field: 'label', title: 'event'}, {field: 't', title: 't [s]', format: '.2f'}, {field: 'threat', title: 'threat'},
                                     {field: 'track', title: 'track'}, {field: 'area', title: 'area'}, {field: 'reason', title: 'reason'},
                                     {field: 'detail', title: 'detail'}]}};
      }
      return {...common, mark: {type: 'rect', clip: true},
              encoding: {x: {...x, field: 't0'}, x2: {field: 't1'}, y,
                         color: {field: 'n', type: 'quantitative', scale: {type: 'sqrt', scheme: 'blues', zero: true},
                                 legend: {title: `events per ${binLabel(binSize)} bin`, orient: 'top', direction: 'horizontal', gradientLength: 160}},
                         tooltip: [{field: 'label', title: 'event'}, {field: 'n', title: 'events'},
                                   {field: 't0', title: 'from [s]', format: '.1f'}, {field: 't1', title: 'to [s]', format: '.1f'}]}};
    });
    const spec = timeChart(panels, values, {resolve: {scale: {color: 'shared', y: 'shared'}}});
    return {spec, info: {mode: binned ? 'binned' : 'ticks', events: events.length, rows: labels.length, marks: values.length,
                         binSize, binLabel: binned ? binLabel(binSize) : null}};
  }

  // ---------------------------------------------------------------- interceptors loaded per battery
  /** Step lines of data.batteries[].stock ([t_s, loaded] after each change), one per battery, in the time panels. */
  function stockSpec(data, windows, width) {
    const batteries = Array.isArray(data.batteries) ? data.batteries.filter(b => Array.isArray(b.stock) && b.stock.length) : [];
    if (!batteries.length) return null;
    const rows = [];
    let top = 1;
    windows.forEach((win, w) => {
      for (const b of batteries) {
        // The level at the window's start, every change inside it, the level at its end.
        let level = b.stock[0][1];
        const inside = [];
        for (const [t, n] of b.stock) {
          if (t <= win.start) level = n;
          else if (t <= win.end) inside.push([t, n]);
        }
        rows.push({t: win.start, n: level, battery: b.name, w});
        for (const [t, n] of inside) rows.push({t, n, battery: b.name, w});
        rows.push({t: win.end, n: inside.length ? inside[inside.length - 1][1] : level, battery: b.name, w});
        top = Math.max(top, ...b.stock.map(p => p[1]));
      }
    });
    const height = 220;
    const widths = timeChartWidths(windows, width);
    const panels = windows.map((win, i) => ({
      width: widths[i], height, name: `stock_${i}`,
      transform: [{filter: `datum.w === ${i}`}],
      mark: {type: 'line', interpolate: 'step-after', strokeWidth: 2, clip: true},
      encoding: {
        x: {field: 't', type: 'quantitative', scale: {domain: [win.start, win.end], nice: false, zero: false}, axis: timeAxis(windows, widths, i)},
        y: {field: 'n', type: 'quantitative', scale: {domain: [0, top], nice: true},
            axis: i === 0
              ? {title: 'interceptors loaded', minExtent: GUTTER, maxExtent: GUTTER, titleAngle: 270, titleAlign: 'center',
                 titleBaseline: 'top', titleX: -GUTTER + 6, titleY: height / 2, tickMinStep: 1, format: 'd'}
              : {title: null, labels: false, ticks: false, domain: false}},
        color: {field: 'battery', type: 'nominal', scale: {domain: batteries.map(b => b.name), scheme: 'tableau10'},
                legend: {title: null, orient: 'top', direction: 'horizontal', symbolType: 'stroke', columnPadding: 18}},
        tooltip: [{field: 'battery', title: 'battery'}, {field: 't', title: 't [s]', format: '.1f'}, {field: 'n', title: 'loaded'}],
      },
    }));
    const spec = timeChart(panels, rows, {resolve: {scale: {color: 'shared', y: 'shared'}, legend: {color: 'shared'}}});
    return {spec, info: {series: batteries.length, points: rows.length}};
  }

  // ---------------------------------------------------------------- saving a chart
  /** "save PNG" and "save SVG" buttons beside a chart's heading: the chart as drawn, as a file. */
  function addSaveButtons(id, view, name) {
    const holder = document.querySelector(`.save[data-chart="${id}"]`);
    if (!holder) return;
    const base = `${String(name).replace(/[^\w.-]+/g, '_')}-${id}`;
    holder.replaceChildren(...['png', 'svg'].map(type => {
      const button = el('button', {type: 'button', 'data-testid': `save-${id}-${type}`, title: `Save this chart as ${type.toUpperCase()}`},
                        `save ${type.toUpperCase()}`);
      button.addEventListener('click', async () => {
        try {
          // PNG at twice the screen's pixels, so it prints sharp.
          const url = await view.toImageURL(type, type === 'png' ? 2 : 1);
          const link = el('a', {href: url, download: `${base}.${type}`});
          document.body.append(link);
          link.click();
          link.remove();
          state.saved.push({chart: id, type, file: `${base}.${type}`, bytes: url.length});
        } catch (err) {
          console.error(`cupola report: cannot save the ${id} chart as ${type}:`, err);
        }
      });
      return button;
    }));
  }

  // ---------------------------------------------------------------- main
  function setCounts(id, counts) {
    const node = $(id);
    for (const [k, v] of Object.entries(counts)) node.dataset[k] = String(v);
    state.counts[id] = {...(state.counts[id] || {}), ...counts};
  }

  async function render(data) {
    renderHeader(data);
    renderHeadline(data);
    renderTables(data);

    const threatThin = thinPaths(data.threats, THREAT_PATH_BUDGET);
    const interceptorThin = thinPaths(data.interceptors, INTERCEPTOR_PATH_BUDGET);
    const rowsShown = new Set(EVENT_ROWS.map(r => r[0]));
    const windows = activityWindows([
      ...data.threats.map(x => [x.launch_t_s ?? x.path[0]?.[0], x.end_t_s ?? x.path[x.path.length - 1]?.[0]]),
      ...data.interceptors.map(x => [x.launch_t_s ?? x.path[0]?.[0], x.end_t_s ?? x.path[x.path.length - 1]?.[0]]),
      ...data.events.filter(ev => rowsShown.has(ev.type)).map(ev => [ev.t_s, ev.t_s]),
    ]);
    if (!windows.length) windows.push({start: 0, end: data.scenario.duration_s || 1});

    for (const id of ['map-section', 'altitude-section', 'timeline-section']) show(id);
    const width = Math.max(480, Math.floor($('map').clientWidth || 1000));

    const map = mapSpec(data, readCoast(), width);
    renderMapLegend(map.info.present);
    $('map-caption').textContent =
      `${nf0.format(map.info.threatLines)} threat ground tracks coloured by fate, ${nf0.format(map.info.interceptorLines)} interceptor paths` +
      (map.info.ellipsesTotal ? `, ${nf0.format(map.info.ellipsesDrawn)} predicted-impact ellipses` : '') +
      '. Mercator projection; hover for details.';
    const windowNote = windows.length > 1
      ? `Time runs in ${windows.length} panels, ${windows.map(w => `${nf0.format(w.start)}–${nf0.format(w.end)} s`).join(', ')}; the quiet gaps between them are left out.`
      : '';
    const alt = altitudeSpec(data, windows, width);
    $('altitude-caption').textContent =
      `Height above the ellipsoid of every threat (coloured by fate) and interceptor. Drag to pan, scroll to zoom the time axis` +
      (windows.length > 1 ? `. ${windowNote}` : '.');
    const tl = timelineSpec(data, windows, width);
    $('timeline-caption').textContent = tl.info.mode === 'binned'
      ? `${nf0.format(tl.info.events)} events counted in ${tl.info.binLabel} bins (darker = more).`
      : `${nf0.format(tl.info.events)} events, one tick each; hover for details.`;
    if (windowNote) $('timeline-caption').textContent += ` ${windowNote}`;

    renderFootnote(data, {threatThin, interceptorThin, predictionsTotal: map.info.ellipsesTotal, predictionsDrawn: map.info.ellipsesDrawn,
                          predictionsTooLarge: map.info.ellipsesTooLarge,
                          windows, timelineMode: tl.info.mode, timelineEvents: tl.info.events, binLabel: tl.info.binLabel,
                          coast: map.info.coast});

    const stock = stockSpec(data, windows, width);
    if (stock) {
      show('stock-section');
      $('stock-caption').textContent =
        `Interceptors ready on each battery's launchers: one fewer at each fire order; a launcher fired empty is loaded again ` +
        `after its reload time. ${stock.info.series} ${stock.info.series === 1 ? 'battery' : 'batteries'}` +
        (windows.length > 1 ? `. ${windowNote}` : '.');
    }
    const [mapView, altView, tlView, stockView] = await Promise.all([embed('map', map.spec), embed('altitude', alt.spec), embed('timeline', tl.spec),
                                                                      stock ? embed('stock', stock.spec) : null]);
    for (const [id, view] of [['map', mapView], ['altitude', altView], ['timeline', tlView], ['stock', stockView]]) {
      if (view) addSaveButtons(id, view, data.scenario.name || 'cupola');
    }
    if (stockView) {
      setCounts('stock', {series: stock.info.series, windows: windows.length, points: stock.info.points,
                          drawnLines: countItems(stockView, 'stock_', '_pathgroup') || countItems(stockView, 'stock_', '_marks')});
    }
    setCounts('map', {threats: data.threats.length, threatPaths: map.info.threatLines, interceptorPaths: map.info.interceptorLines,
                      impacts: map.info.impacts, kills: map.info.kills, ellipses: map.info.ellipsesDrawn, ellipsesTotal: map.info.ellipsesTotal,
                      coast: map.info.coast ? 'yes' : 'no', coastSource: map.info.coast ?? '',
                      drawnThreatPaths: countItems(mapView, 'threat_paths'), drawnImpacts: countItems(mapView, 'impacts'),
                      drawnInterceptorPaths: countItems(mapView, 'interceptor_paths'), drawnEllipses: countItems(mapView, 'ellipses')});
    setCounts('altitude', {threatLines: alt.info.threatLines, interceptorLines: alt.info.interceptorLines, points: alt.info.points,
                           windows: windows.length, thinning: threatThin.k,
                           drawnLines: countItems(altView, 'altitude_', '_pathgroup') || countItems(altView, 'altitude_', '_marks')});
    setCounts('timeline', {mode: tl.info.mode, events: tl.info.events, rows: tl.info.rows, marks: tl.info.marks,
                           drawnMarks: countItems(tlView, 'timeline_')});
  }

  function fail(err) {
    state.status = 'error';
    state.errors.push(String(err && err.message || err));
    document.body.dataset.state = 'error';
    $('load-error-text').textContent = String(err && err.message || err);
    show('load-error');
    console.error('cupola report:', err);
  }

  async function main() {
    let data;
    try {
      data = readData();
    } catch (err) {
      fail(err);
      return;
    }
    state.data = data;
    if (!data) {
      state.status = 'nodata';
      document.body.dataset.state = 'nodata';
      $('title').textContent = 'No run data';
      show('no-data');
      return;
    }
    try {
      await render(data);
      state.status = 'ready';
      document.body.dataset.state = 'ready';
    } catch (err) {
      fail(err);
    }
  }

  state.ready = new Promise(resolve => {
    const run = () => main().then(resolve, resolve);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run); else run();
  });
})();
