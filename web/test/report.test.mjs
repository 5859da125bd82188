// Browser test of the self-contained report (web/report/, docs/report.md), in Debian's chromium
// driven by playwright-core:
//   - the built template is self-contained and, unfilled, says "no run data";
//   - filled with a small fixture (test/fixtures/report_data.json, cut down from a border_town_salvo
//     run), every chart draws what the data holds and the tables show the summary's numbers;
//   - every chart saves as PNG and as SVG; the stock chart has one line per battery (and panel);
//   - a run that fired nothing shows no cost-exchange ratio but "n/a", and provenance when summary.json has it;
//   - a run away from the bundled regions still gets land and sea (the world coastline);
//   - a synthetic 1000-threat raid stays light (thinned paths, binned timeline of stated bin width) and renders;
//   - `cupola run ../scenarios/border_town_salvo.yaml` writes a report.html that renders and agrees
//     with the run's summary.json and events.jsonl (skipped when the binary is not built).
// Every page must load nothing from the network and log no error. Screenshots: test-results/report-*.png.
//
//   cd web && npm run build && node --test test/report.test.mjs
//   env: CUPOLA_BIN (default ../build/release/apps/cupola/cupola), CHROMIUM_BIN (default /usr/bin/chromium)

import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {chromium} from 'playwright-core';
import {writeReportTemplate, DATA_MARKER} from '../report/build.mjs';

const WEB = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(WEB, 'test-results');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const CUPOLA = resolve(WEB, process.env.CUPOLA_BIN || '../build/release/apps/cupola/cupola');
const FIXTURE = join(WEB, 'test/fixtures/report_data.json');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
                       '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
// The event types the timeline draws (docs/report.md): the rest (track_deleted, presumed_killed, ...) are bookkeeping.
const TIMELINE_TYPES = new Set(['launch', 'track_confirmed', 'alert', 'engage', 'ignore', 'hold_fire', 'fire', 'detonation',
                                'interceptor_miss', 'killed', 'no_intercept', 'impact', 'airborne_at_end']);
const TEST_TIMEOUT_MS = 180000;

let context, work, templatePath;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'cupola-report-test-'));
  // A fresh template of its own (cupola run reads it too, through CUPOLA_WEB_DIR below),
  // so the viewer's test, running at the same time, never sees web/dist change.
  templatePath = writeReportTemplate(join(work, 'web', 'report_template.html'));
  mkdirSync(RESULTS, {recursive: true});
  context = await chromium.launchPersistentContext(join(work, 'chromium-profile'), {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: {width: 1280, height: 900}, deviceScaleFactor: 1,
  });
});

after(async () => {
  await context?.close();
  if (work) rmSync(work, {recursive: true, force: true});
});

/** The template with data filled in, as `cupola run` does it: every "<" escaped. */
function fillTemplate(data) {
  const html = readFileSync(templatePath, 'utf8');
  return html.replace(DATA_MARKER, () => JSON.stringify(data).replace(/</g, '\\u003c'));
}

const isLocal = url => /^(file|data|blob|about):/.test(url) ||
  /^[a-z]+:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?\//i.test(url);

/** Opens a report file and waits until it has drawn; returns the page and what went wrong on the way. */
async function openReport(file) {
  const page = await context.newPage();
  const problems = [];
  page.on('request', r => { if (!isLocal(r.url())) problems.push(`network request: ${r.url()}`); });
  page.on('console', m => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', e => problems.push(`page error: ${e.message}`));
  await page.route(url => !isLocal(url.href), route => route.abort());  // nothing leaves the machine
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, {timeout: 120000});
  return {page, problems};
}

async function assertDrawn(page, id) {
  const box = await page.locator(`#${id} canvas, #${id} svg`).first().boundingBox();
  assert.ok(box && box.width > 100 && box.height > 50, `#${id} has no drawing of a sensible size: ${JSON.stringify(box)}`);
}

async function counts(page, id) {
  return page.evaluate(i => ({...document.getElementById(i).dataset}), id);
}

async function text(page, testid) {
  return (await page.getByTestId(testid).first().textContent()).trim();
}

/** A whole number shown in the page ("1,040" -> 1040). */
async function num(page, testid) {
  return Number((await text(page, testid)).replace(/,/g, ''));
}

/** Checks common to every filled report: charts drawn, counts consistent with the data. */
async function checkReport(page, data, {events, summary}) {
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready',
               `report state; errors: ${await page.evaluate(() => window.cupolaReport.errors.join('; '))}`);
  for (const id of ['map', 'altitude', 'timeline', 'stock']) await assertDrawn(page, id);

  // Title: scenario name, seed, version.
  assert.equal((await page.locator('#title').textContent()).trim(), data.scenario.name);
  assert.match(await text(page, 'seed'), new RegExp(`seed ${data.scenario.seed}`));
  assert.match(await text(page, 'version'), new RegExp(`cupola ${data.cupola_version.replace(/\./g, '\\.')}`));

  // Map: one ground track per threat that left its launcher (a launch
  // failure never flew), one dot per impact event.
  const map = await counts(page, 'map');
  assert.equal(+map.drawnThreatPaths, summary.threats - (summary.launch_failures ?? 0),
               'threat ground tracks drawn = threats in summary that flew');
  assert.equal(+map.drawnThreatPaths, data.threats.filter(x => x.fate !== 'launch_failure').length);
  assert.equal(+map.drawnImpacts, events.filter(e => e.type === 'impact').length, 'impact dots drawn = impact events');
  assert.equal(+map.drawnInterceptorPaths, data.interceptors.length, 'interceptor paths drawn');
  assert.equal(+map.drawnEllipses, +map.ellipses);
  assert.ok(+map.ellipses <= 1500 && +map.ellipses <= data.predictions.features.length);

  // Altitude: a line per threat that flew and per interceptor (each has at least two samples).
  const alt = await counts(page, 'altitude');
  const flown = data.threats.filter(x => x.fate !== 'launch_failure').length;
  assert.equal(+alt.drawnLines, flown + data.interceptors.length, 'altitude lines drawn');
  assert.ok(+alt.points <= 45000, `altitude points ${alt.points} within the budget`);

  // Timeline: one tick per shown event, or bins that add up to them.
  const tl = await counts(page, 'timeline');
  const shown = events.filter(e => TIMELINE_TYPES.has(e.type)).length;
  assert.equal(+tl.events, shown, 'timeline events = events of the shown types');
  if (tl.mode === 'ticks') assert.equal(+tl.drawnMarks, shown, 'timeline ticks drawn');
  else assert.ok(+tl.drawnMarks > 0 && +tl.drawnMarks < shown, 'timeline bins drawn');

  // Interceptors loaded: one line per battery in each time panel.
  const stock = await counts(page, 'stock');
  assert.equal(+stock.series, summary.engagement.batteries.length, 'stock chart: one series per battery');
  assert.equal(+stock.series, data.batteries.length);
  assert.equal(+stock.drawnLines, +stock.series * +stock.windows, 'stock lines drawn');

  // Words that cannot mislead: alert zones count would-be impacts (the intercepted among them),
  // and the threat list names each salvo.
  if (summary.tracking?.assessment?.alert_zones?.length) {
    assert.match(await page.getByTestId('zone-table').textContent(), /would-be impacts.*of them intercepted/);
  }
  const salvoName = new Map(data.geometry.features.filter(f => f.properties.kind === 'launch_site').map(f => [f.properties.salvo, f.properties.name]));
  const first = data.threats[0];
  assert.equal(await text(page, `threat-${first.id}-salvo`), salvoName.get(first.salvo));

  // Tables and headline: the summary's numbers.
  const fates = summary.defence.fates;
  assert.equal(await num(page, 'fate-intercepted-count'), fates.intercepted);
  assert.equal(await num(page, 'fate-leaked_engaged-count'), fates.leaked_engaged);
  assert.equal(await num(page, 'fate-ignored_open_ground-count'), fates.ignored_open_ground);
  assert.equal(await num(page, 'fate-total-count'), summary.threats);
  assert.equal(await num(page, 'headline-threats'), summary.threats);
  assert.equal(await num(page, 'headline-intercepted'), fates.intercepted);
  assert.equal(await num(page, 'headline-leaked'), fates.leaked_engaged + fates.leaked_ignored);
  assert.equal(await num(page, 'headline-fired'), summary.engagement.interceptors_fired);
  assert.equal(await text(page, 'headline-cer'), summary.defence.cost_exchange_ratio.toFixed(1));
  for (const b of summary.engagement.batteries) assert.equal(await num(page, `battery-${b.name}-fired`), b.interceptors_fired);
  for (const a of summary.defended_areas) assert.equal(await num(page, `area-${a.name}-impacts`), a.impacts);
}

function assertClean(problems) {
  assert.deepEqual(problems, [], `the page loaded something from the network or logged errors:\n${problems.join('\n')}`);
}

test('the built template is self-contained and holds the data marker once', () => {
  const html = readFileSync(templatePath, 'utf8');
  assert.equal(html.split(DATA_MARKER).length - 1, 1);
  assert.ok(html.includes(`<script id="cupola-data" type="application/json">${DATA_MARKER}</script>`));
  assert.doesNotMatch(html, /<script[^>]+\bsrc=/i, 'no external script');
  assert.doesNotMatch(html, /<link[^>]+\bhref=/i, 'no external style sheet');
  assert.doesNotMatch(html, /@import|url\(\s*['"]?https?:/i, 'no style loaded from the web');
});

test('the unfilled template says "no run data"', {timeout: TEST_TIMEOUT_MS}, async () => {
  const {page, problems} = await openReport(templatePath);
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'nodata');
  assert.ok(await page.locator('#no-data').isVisible());
  assert.match(await page.locator('#no-data').textContent(), /no run data/i);
  assert.equal(await page.locator('#map canvas').count(), 0);
  await page.screenshot({path: join(RESULTS, 'report-nodata.png')});
  assertClean(problems);
  await page.close();
});

test('the template draws the fixture', {timeout: TEST_TIMEOUT_MS}, async () => {
  const data = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const file = join(work, 'fixture.html');
  writeFileSync(file, fillTemplate(data));
  const {page, problems} = await openReport(file);
  await checkReport(page, data, {events: data.events, summary: data.summary});
  const tl = await counts(page, 'timeline');
  assert.equal(tl.mode, 'ticks');
  assert.equal(+(await counts(page, 'altitude')).windows, 3, 'three salvos, three stretches of activity');
  await page.screenshot({path: join(RESULTS, 'report-fixture.png'), fullPage: true});
  assertClean(problems);
  await page.close();
});

test('every chart saves as PNG and as SVG', {timeout: TEST_TIMEOUT_MS}, async () => {
  const data = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const file = join(work, 'save.html');
  writeFileSync(file, fillTemplate(data));
  const {page, problems} = await openReport(file);
  for (const chart of ['map', 'altitude', 'timeline', 'stock']) {
    for (const type of ['png', 'svg']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`save-${chart}-${type}`).click()]);
      assert.equal(download.suggestedFilename(), `${data.scenario.name}-${chart}.${type}`);
      const bytes = readFileSync(await download.path());
      if (type === 'png') {
        assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${chart}.png is a PNG`);
        assert.ok(bytes.length > 5000, `${chart}.png holds a picture (${bytes.length} bytes)`);
      } else {
        assert.match(bytes.toString('utf8', 0, 200), /<svg[\s>]/, `${chart}.svg is an SVG`);
        assert.ok(bytes.length > 2000, `${chart}.svg holds a picture (${bytes.length} bytes)`);
      }
    }
  }
  assertClean(problems);
  await page.close();
});

test('a run that fired nothing has no cost-exchange ratio; provenance when the summary has it', {timeout: TEST_TIMEOUT_MS}, async () => {
  const d = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  assert.equal(await (async () => {
    const file = join(work, 'plain.html');
    writeFileSync(file, fillTemplate(d));
    const {page} = await openReport(file);
    const n = await page.getByTestId('provenance').count();
    await page.close();
    return n;
  })(), 0, 'no provenance line without summary.provenance');

  const quiet = {...d, interceptors: [], events: d.events.filter(e => !['fire', 'detonation', 'interceptor_miss', 'killed'].includes(e.type))};
  quiet.summary = {...d.summary,
                   engagement: {...d.summary.engagement, interceptors_fired: 0, batteries: d.summary.engagement.batteries.map(b => ({...b, interceptors_fired: 0, cost_usd: 0}))},
                   defence: {...d.summary.defence, interceptors_fired: 0, defence_cost_usd: 0, cost_exchange_ratio: null,
                             interceptors_per_kill: null, cost_per_intercept_usd: null},
                   provenance: {version: '0.2.0', commit: null, scenario_sha256: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
                                command_line: ['cupola', 'run', 'my scenario.yaml', '--seed', '7'], seed: '7', threads: 2}};
  const file = join(work, 'quiet.html');
  writeFileSync(file, fillTemplate(quiet));
  const {page, problems} = await openReport(file);
  assert.equal(await text(page, 'headline-cer'), 'n/a');
  assert.equal(await text(page, 'engagement-cost-exchange-ratio-value'), 'n/a (nothing fired)');
  assert.equal(await text(page, 'provenance'),
               "cupola 0.2.0 · scenario sha256 0123456789ab · seed 7 · 2 threads · command line cupola run 'my scenario.yaml' --seed 7");
  await page.screenshot({path: join(RESULTS, 'report-quiet.png'), fullPage: true});
  assertClean(problems);
  await page.close();
});

/** The data moved by (dlon, dlat) degrees: every path, event, place and ellipse. */
function moved(d, dlon, dlat) {
  const shift = c => (typeof c[0] === 'number' ? [c[0] + dlon, c[1] + dlat, ...c.slice(2)] : c.map(shift));
  const features = fc => ({...fc, features: fc.features.map(f => ({...f, geometry: {...f.geometry, coordinates: shift(f.geometry.coordinates)}}))});
  const path = p => p.map(([t, lon, lat, alt]) => [t, lon + dlon, lat + dlat, alt]);
  return {
    ...d,
    scenario: {...d.scenario, origin: {...d.scenario.origin, lon_deg: d.scenario.origin.lon_deg + dlon, lat_deg: d.scenario.origin.lat_deg + dlat}},
    geometry: features(d.geometry), predictions: features(d.predictions), coverage: features(d.coverage),
    threats: d.threats.map(x => ({...x, path: path(x.path)})),
    interceptors: d.interceptors.map(x => ({...x, path: path(x.path), end: [x.end[0] + dlon, x.end[1] + dlat, x.end[2]]})),
    events: d.events.map(e => ({...e, position: {...e.position, lon_deg: e.position.lon_deg + dlon, lat_deg: e.position.lat_deg + dlat}})),
  };
}

test('a run far from the bundled scenarios still has land and sea on its map', {timeout: TEST_TIMEOUT_MS}, async () => {
  const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  assert.match((await (async () => {
    const file = join(work, 'home.html');
    writeFileSync(file, fillTemplate(fixture));
    const {page} = await openReport(file);
    const c = await counts(page, 'map');
    await page.close();
    return c;
  })()).coastSource, /1:10m/, 'the bundled region has the fine coastline');
  // To the Black Sea coast by Odesa, far from every bundled scenario.
  const data = moved(fixture, 30.70 - 34.60, 46.43 - 31.52);
  const file = join(work, 'odesa.html');
  writeFileSync(file, fillTemplate(data));
  const {page, problems} = await openReport(file);
  await checkReport(page, data, {events: data.events, summary: data.summary});
  const map = await counts(page, 'map');
  assert.equal(map.coast, 'yes');
  assert.match(map.coastSource, /1:50m/);
  assert.ok(await page.evaluate(() => window.cupolaReport.countItems('map', 'land') > 0), 'land drawn');
  await page.locator('#map-section').screenshot({path: join(RESULTS, 'report-world-coast.png')});
  assertClean(problems);
  await page.close();
});

/** A raid of ~1000 threats made of copies of the fixture, shifted in time and place. */
function largeRaid(d, copies = 80) {
  const big = {...d, threats: [], interceptors: [], events: [], predictions: {type: 'FeatureCollection', features: []}};
  for (let c = 0; c < copies; ++c) {
    const dt = 7 * c, dlon = 0.004 * (c % 9), dlat = 0.003 * Math.floor(c / 9), id = x => (x === null || x === undefined ? x : 1000 * c + x);
    const move = ([t, lon, lat, alt]) => [t + dt, lon + dlon, lat + dlat, alt];
    // Threat paths three times as dense as the fixture's, so that thinning has work to do.
    const mix = (p, q, f) => p.map((v, k) => v + f * (q[k] - v));
    const dense = path => path.flatMap((p, i) => (i + 1 < path.length ? [p, mix(p, path[i + 1], 1 / 3), mix(p, path[i + 1], 2 / 3)] : [p]));
    for (const t of d.threats) big.threats.push({...t, id: id(t.id), launch_t_s: t.launch_t_s + dt, end_t_s: t.end_t_s + dt, path: dense(t.path).map(move)});
    for (const x of d.interceptors) {
      big.interceptors.push({...x, id: id(x.id), threat_id: id(x.threat_id), launch_t_s: x.launch_t_s + dt, end_t_s: x.end_t_s + dt,
                             end: [x.end[0] + dlon, x.end[1] + dlat, x.end[2]], path: x.path.map(move)});
    }
    for (const e of d.events) {
      big.events.push({...e, t_s: e.t_s + dt, threat_id: id(e.threat_id),
                       position: {...e.position, lon_deg: e.position.lon_deg + dlon, lat_deg: e.position.lat_deg + dlat}});
    }
    for (const f of d.predictions.features) {
      big.predictions.features.push({...f, properties: {...f.properties, track_id: id(f.properties.track_id)},
                                     geometry: {type: 'Polygon', coordinates: [f.geometry.coordinates[0].map(([x, y]) => [x + dlon, y + dlat])]}});
    }
  }
  big.events.sort((a, b) => a.t_s - b.t_s);
  const scale = k => Object.fromEntries(Object.entries(k).map(([key, v]) => [key, typeof v === 'number' ? v * copies : v]));
  big.summary = {...d.summary, threats: big.threats.length,
                 defence: {...d.summary.defence, fates: scale(d.summary.defence.fates)},
                 engagement: {...d.summary.engagement, interceptors_fired: big.interceptors.length,
                              batteries: d.summary.engagement.batteries.map(b => ({...b, interceptors_fired: b.interceptors_fired * copies}))},
                 defended_areas: d.summary.defended_areas.map(a => ({...a, impacts: a.impacts * copies}))};
  return big;
}

test('a 1000-threat raid stays light and renders', {timeout: TEST_TIMEOUT_MS}, async () => {
  const data = largeRaid(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  assert.ok(data.threats.length >= 1000);
  const file = join(work, 'large.html');
  writeFileSync(file, fillTemplate(data));
  const {page, problems} = await openReport(file);
  await checkReport(page, data, {events: data.events, summary: data.summary});
  const tl = await counts(page, 'timeline');
  assert.equal(tl.mode, 'binned', 'thousands of events are binned');
  assert.match(await page.locator('#timeline-caption').textContent(), /counted in [\d.]+ (s|min) bins/, 'the bin width is stated');
  const alt = await counts(page, 'altitude');
  assert.ok(+alt.thinning > 1, 'the paths were thinned');
  await page.screenshot({path: join(RESULTS, 'report-large.png'), fullPage: true});
  assertClean(problems);
  await page.close();
});

test('cupola run writes a report that agrees with the run', {timeout: TEST_TIMEOUT_MS}, async t => {
  if (!existsSync(CUPOLA)) {
    // With CUPOLA_BIN set (scripts/web.sh --test, CI) a missing binary is a failure, not a skip.
    assert.ok(!process.env.CUPOLA_BIN, `CUPOLA_BIN=${process.env.CUPOLA_BIN}: no such file`);
    t.skip(`no cupola binary at ${CUPOLA} (build it, or set CUPOLA_BIN)`);
    return;
  }
  const out = join(work, 'run');
  execFileSync(CUPOLA, ['run', '../scenarios/border_town_salvo.yaml', '--out', out],
               {cwd: WEB, env: {...process.env, CUPOLA_WEB_DIR: join(work, 'web')}, stdio: ['ignore', 'pipe', 'pipe']});
  const reportFile = join(out, 'report.html');
  assert.ok(existsSync(reportFile), 'cupola run wrote report.html');
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  const events = readFileSync(join(out, 'events.jsonl'), 'utf8').trim().split('\n').filter(Boolean).map(l => JSON.parse(l));
  const html = readFileSync(reportFile, 'utf8');
  assert.ok(!html.includes(DATA_MARKER), 'the data marker was replaced');

  const {page, problems} = await openReport(reportFile);
  const data = await page.evaluate(() => window.cupolaReport.data);
  assert.equal(data.format, 'cupola-report-data');
  assert.equal(data.events.length, events.length, 'the report holds every event of events.jsonl');
  assert.deepEqual(data.summary, summary, 'the report holds summary.json');
  await checkReport(page, data, {events, summary});
  await page.screenshot({path: join(RESULTS, 'report-border_town_salvo.png'), fullPage: true});
  assertClean(problems);
  await page.close();
});
