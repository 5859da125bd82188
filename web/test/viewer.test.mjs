// Browser test of the replay viewer (web/viewer/, docs/viewer.md), in headless
// Debian chromium through playwright-core, WebGL by SwiftShader.
//
//  1. the viewer alone: web/dist/viewer/ and the hand-written CZML fixture in
//     test/fixtures/ served by a small node server on 127.0.0.1 (and a run
//     directory without replay.czml: the panel says so, nothing throws);
//  2. end to end: `cupola run scenarios/border_town_salvo.yaml` into a temporary
//     directory, `cupola view DIR --port 0`, the page it prints.
//     Skipped when the cupola binary (env CUPOLA_BIN, default
//     ../build/release/apps/cupola/cupola) is missing or has no `view`.
//
// 1 and 2 fail on any request to a non-loopback address and on page errors, check
// the entities against summary.json, the tilted start camera, a threat's colour
// before and after its engage time and at its end, the radar and battery
// coverage and their switches, move the clock and check that a threat moves on
// screen, and save screenshots to web/test-results/viewer-*.png.
// Env: CHROMIUM_BIN (default /usr/bin/chromium).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { MIME } from '../viewer/mime.js';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = path.resolve(webDir, '..');
const distDir = path.join(webDir, 'dist/viewer');
const fixtureDir = path.join(webDir, 'test/fixtures');
const resultsDir = path.join(webDir, 'test-results');
const cupolaBin = path.resolve(webDir, process.env.CUPOLA_BIN ?? '../build/release/apps/cupola/cupola');
const chromiumPath = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

const READY_TIMEOUT_MS = 40000; // Cesium's first frames in SwiftShader take a few seconds
const SETTLE_TIMEOUT_MS = 15000;

// --- helpers ----------------------------------------------------------------------

/** Rejects after ms with a message, unless promise settles first. */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A static server on 127.0.0.1: `mounts` maps URL prefixes to directories (longest first). */
async function serveStatic(mounts) {
  const server = http.createServer(async (req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    const mount = mounts.find(([prefix]) => urlPath.startsWith(prefix));
    if (!mount) return void res.writeHead(404).end();
    const [prefix, dir] = mount;
    let file = path.join(dir, path.normalize(`/${urlPath.slice(prefix.length)}`));
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      await stat(file);
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function isLoopback(url) {
  const u = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(u.protocol)) return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

/** Starts `cupola view DIR --port 0` and resolves with {url, stop} once it printed its URL. */
function startCupolaView(dir) {
  const args = ['view', dir, '--port', '0'];
  const child = spawn(cupolaBin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  const started = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /cupola view: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) resolve({ url: match[1], stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`cupola view exited (${code}) before printing its URL:\n${output}`)));
    child.on('error', reject);
  });
  return withTimeout(started, 10000, 'cupola view').catch(async (error) => {
    await stop();
    throw error;
  });
}

// A missing binary skips the end-to-end case only when none was asked for:
// with CUPOLA_BIN set (scripts/web.sh --test, CI) it is a failure.
function cupolaHasView() {
  if (!existsSync(cupolaBin)) {
    if (process.env.CUPOLA_BIN) throw new Error(`CUPOLA_BIN=${process.env.CUPOLA_BIN}: no such file`);
    return `no cupola binary at ${cupolaBin} (set CUPOLA_BIN)`;
  }
  const help = spawnSync(cupolaBin, ['view', '--help'], { encoding: 'utf8' });
  if (help.status !== 0) {
    if (process.env.CUPOLA_BIN) throw new Error(`${cupolaBin} view --help failed (${help.status})`);
    return `${cupolaBin} has no 'view' subcommand yet`;
  }
  return null;
}

// --- the browser ---------------------------------------------------------------------

let context;
let userDataDir;

before(async () => {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    // Not built yet: build the viewer alone (npm run build does it and the report).
    const build = spawnSync('npx', ['vite', 'build', '--config', 'viewer/vite.config.js'], { cwd: webDir, encoding: 'utf8' });
    assert.equal(build.status, 0, `viewer build failed:\n${build.stdout}\n${build.stderr}`);
  }
  await mkdir(resultsDir, { recursive: true });
  userDataDir = await mkdtemp(path.join(os.tmpdir(), 'cupola-viewer-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-domain-reliability',
      '--metrics-recording-only',
    ],
  });
});

after(async () => {
  await context?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

/**
 * Loads the viewer at url and checks it against the run's summary.json:
 * entities, panel, T+ time labels, and that moving the clock moves a threat on screen.
 */
async function checkViewer(url, summary, name) {
  const page = await context.newPage();
  const offsite = [];
  const pageErrors = [];
  const consoleErrors = [];
  const onRequest = (request) => {
    if (!isLoopback(request.url())) offsite.push(request.url());
  };
  context.on('request', onRequest);
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  try {
    // play=0: the clock stays paused, so nothing is drawn that the checks do not ask for.
    await page.goto(new URL('?play=0', url).href, { waitUntil: 'load' });
    await page.waitForFunction(() => window.cupolaViewer?.ready, null, { timeout: READY_TIMEOUT_MS });
    await withTimeout(
      page.evaluate(() => window.cupolaViewer.ready.then(() => true)),
      READY_TIMEOUT_MS,
      'viewer ready',
    );
    await page.evaluate((ms) => window.cupolaViewer.settle(ms), SETTLE_TIMEOUT_MS);
    assert.ok(
      await page.evaluate(() => {
        const gl = window.cupolaViewer.viewer.scene.context._gl;
        return gl instanceof WebGLRenderingContext || gl instanceof WebGL2RenderingContext;
      }),
      'no WebGL context',
    );
    await page.screenshot({ path: path.join(resultsDir, `viewer-${name}-start.png`) });

    // Entities: every threat, every interceptor fired, every defended area.
    const ids = new Set(await page.evaluate(() => window.cupolaViewer.dataSource.entities.values.map((e) => e.id)));
    for (let id = 0; id < summary.threats; id += 1) assert.ok(ids.has(`threat/${id}`), `threat/${id} missing`);
    const fired = summary.engagement?.interceptors_fired ?? 0;
    const interceptors = [...ids].filter((id) => id.startsWith('interceptor/'));
    assert.equal(interceptors.length, fired, `interceptor/* entities vs summary.json interceptors_fired`);
    for (const area of summary.defended_areas ?? []) assert.ok(ids.has(`area/${area.name}`), `area/${area.name} missing`);

    // The side panel and the legend.
    assert.equal((await page.textContent('#summary dd[data-key="threats"]')).trim(), String(summary.threats));
    assert.equal(
      (await page.textContent('#summary dd[data-key="interceptors fired"]')).trim(),
      String(fired),
    );
    assert.ok((await page.locator('#legend li').count()) >= 2, 'legend has fewer than 2 rows');

    // The start camera looks at the scene at a slant, not straight down.
    const pitch_deg = await page.evaluate(() => (window.cupolaViewer.viewer.camera.pitch * 180) / Math.PI);
    assert.ok(pitch_deg >= -65 && pitch_deg <= -30, `start camera pitch ${pitch_deg.toFixed(1)} deg: not tilted`);

    // A threat's colour tells what is known then: flying, engaged, then its fate (the colour of its
    // kill or impact marker) from its end on; its trail changes with it.
    const colours = await page.evaluate(() => {
      const { dataSource, julianAt, runTime } = window.cupolaViewer;
      const threat = dataSource.entities.values.find((e) => {
        if (!e.id.startsWith('threat/') || !e.properties.engaged_t_s) return false;
        const t = e.properties.engaged_t_s.getValue(e.availability.start);
        return t > runTime(e.availability.start) + 0.01 && t < runTime(e.availability.stop) - 0.01;
      });
      if (!threat) return null;
      const t0 = runTime(threat.availability.start);
      const t1 = runTime(threat.availability.stop);
      const te = threat.properties.engaged_t_s.getValue(threat.availability.start);
      const point = (t) => threat.point.color.getValue(julianAt(t))?.toCssColorString();
      const trail = (t) => threat.path.material.getValue(julianAt(t))?.color?.toCssColorString();
      const n = threat.id.slice('threat/'.length);
      const marker = dataSource.entities.getById(`kill/${n}`) ?? dataSource.entities.getById(`impact/${n}`);
      return {
        id: threat.id,
        before: point((t0 + te) / 2),
        engaged: point((te + t1) / 2),
        end: point(t1),
        marker: marker?.point.color.getValue(julianAt(t1 + 1))?.toCssColorString(),
        trailBefore: trail((t0 + te) / 2),
        trailEngaged: trail((te + t1) / 2),
      };
    });
    assert.ok(colours, 'no threat engaged in flight');
    assert.ok(colours.before && colours.engaged && colours.end, `${colours.id} has no colour in flight: ${JSON.stringify(colours)}`);
    assert.notEqual(colours.before, colours.engaged, `${colours.id}: same colour before and after its engage time`);
    assert.notEqual(colours.engaged, colours.end, `${colours.id}: same colour engaged and at its end`);
    assert.equal(colours.end, colours.marker, `${colours.id}: its colour at its end is not its kill or impact marker's`);
    assert.notEqual(colours.trailBefore, colours.trailEngaged, `${colours.id}: its trail did not change colour`);
    assert.ok(await page.locator('#legend li[data-key="state:engaged"]').count(), 'no "engaged" row in the legend');

    // Launch sites are not drawn in the red of a leak.
    const launchColours = await page.evaluate(() =>
      window.cupolaViewer.dataSource.entities.values
        .filter((e) => e.id.startsWith('launch/'))
        .map((e) => e.point.color.getValue(e.availability?.start).toCssColorString()),
    );
    assert.ok(launchColours.length > 0 && launchColours.every((c) => c !== 'rgb(230,40,40)'), `launch sites ${launchColours}`);

    // Coverage: a ground polygon per radar and per battery, shown and hidden by the panel's switches.
    const coverage = (kind) =>
      page.evaluate((kind) => {
        const entities = window.cupolaViewer.dataSource.entities.values;
        const sites = entities.filter((e) => e.id.startsWith(`${kind}/`)).map((e) => e.id.slice(kind.length + 1));
        const rings = sites.map((name) => entities.find((e) => e.id === `coverage/${kind}/${name}`));
        return { sites: sites.length, rings: rings.filter((e) => e?.polygon).length, shown: rings.filter((e) => e?.show).length };
      }, kind);
    for (const [kind, toggle] of [
      ['radar', '#show-radar-coverage'],
      ['battery', '#show-battery-range'],
    ]) {
      const on = await coverage(kind);
      assert.ok(on.sites > 0 && on.rings === on.sites && on.shown === on.sites, `${kind} coverage: ${JSON.stringify(on)}`);
      await page.click(toggle);
      assert.equal((await coverage(kind)).shown, 0, `${toggle} did not hide the ${kind} coverage`);
      await page.click(toggle);
      assert.equal((await coverage(kind)).shown, on.sites, `${toggle} did not show the ${kind} coverage again`);
    }

    // Times shown as T+seconds.
    const timeLabel = await page.evaluate(() => window.cupolaViewer.viewer.animation.viewModel.timeLabel);
    assert.match(timeLabel, /^T\+\d+\.\d s$/);
    const ticLabels = await page.locator('.cesium-timeline-ticLabel').allTextContents();
    assert.ok(ticLabels.length > 0 && ticLabels.every((t) => /^T[+\u2212]\d+ s$/.test(t)), `timeline labels ${ticLabels}`);

    // Moving the clock moves a threat: the longest-flying one, at 30 % and 70 % of its flight.
    const pick = await page.evaluate(() => {
      const { dataSource, runTime } = window.cupolaViewer;
      let best = null;
      for (const e of dataSource.entities.values) {
        if (!e.id.startsWith('threat/') || !e.availability) continue;
        const t0 = runTime(e.availability.start);
        const t1 = runTime(e.availability.stop);
        if (!best || t1 - t0 > best.t1 - best.t0) best = { id: e.id, t0, t1 };
      }
      return best;
    });
    assert.ok(pick && pick.t1 > pick.t0, 'no threat with a flight time');
    const shots = [];
    const where = [];
    for (const [label, f] of [
      ['t1', 0.3],
      ['t2', 0.7],
    ]) {
      const t_s = pick.t0 + f * (pick.t1 - pick.t0);
      where.push(
        await page.evaluate(
          async ({ id, t_s, ms }) => {
            const { viewer, dataSource, julianAt, settle } = window.cupolaViewer;
            const time = julianAt(t_s);
            viewer.clock.currentTime = time;
            await settle(ms);
            const entity = dataSource.entities.getById(id);
            const p = entity.position.getValue(time);
            const w = p && viewer.scene.cartesianToCanvasCoordinates(p);
            return {
              p: p && [p.x, p.y, p.z],
              w: w && [w.x, w.y],
              shown: entity.isAvailable(time),
              size: [viewer.scene.canvas.clientWidth, viewer.scene.canvas.clientHeight],
              label: viewer.animation.viewModel.timeLabel,
            };
          },
          { id: pick.id, t_s, ms: SETTLE_TIMEOUT_MS },
        ),
      );
      shots.push(await page.screenshot({ path: path.join(resultsDir, `viewer-${name}-${label}.png`) }));
    }
    const [a, b] = where;
    assert.ok(a.p && b.p && a.shown && b.shown, `${pick.id} has no position in flight`);
    const moved_m = Math.hypot(a.p[0] - b.p[0], a.p[1] - b.p[1], a.p[2] - b.p[2]);
    assert.ok(moved_m > 100, `${pick.id} moved only ${moved_m.toFixed(1)} m`);
    for (const s of [a, b]) {
      assert.ok(s.w, `${pick.id} not projected to the screen`);
      assert.ok(s.w[0] >= 0 && s.w[0] <= s.size[0] && s.w[1] >= 0 && s.w[1] <= s.size[1], `${pick.id} off screen at ${s.w}`);
    }
    assert.notEqual(a.label, b.label, 'the animation widget time did not change');
    assert.notDeepEqual(shots[0], shots[1], 'the rendered frame did not change when the clock moved');

    // The user's way: zoom the time slider (the timeline) to that threat's
    // flight and drag it from 20 % to 60 % of its width.
    const clockAt = () =>
      page.evaluate(() => window.cupolaViewer.runTime(window.cupolaViewer.viewer.clock.currentTime));
    await page.evaluate(({ t0, t1 }) => {
      const { viewer, julianAt } = window.cupolaViewer;
      viewer.clock.shouldAnimate = false;
      viewer.timeline.zoomTo(julianAt(t0), julianAt(t1));
    }, pick);
    const bar = await page.locator('.cesium-timeline-bar').boundingBox();
    assert.ok(bar && bar.width > 100, 'no timeline bar');
    const y = bar.y + bar.height / 2;
    await page.mouse.move(bar.x + 0.2 * bar.width, y);
    await page.mouse.down();
    const before = await clockAt();
    await page.mouse.move(bar.x + 0.6 * bar.width, y, { steps: 8 });
    await page.mouse.up();
    await page.evaluate((ms) => window.cupolaViewer.settle(ms), SETTLE_TIMEOUT_MS);
    const after = await clockAt();
    assert.ok(after > before + 1, `dragging the timeline moved the clock from T+${before} s to T+${after} s`);
    assert.ok(before > pick.t0 && after < pick.t1, `the drag left ${pick.id}'s flight: T+${before} to T+${after} s`);
    const dragged_m = await page.evaluate(
      ({ id, t0, t1 }) => {
        const { dataSource, julianAt } = window.cupolaViewer;
        const position = dataSource.entities.getById(id).position;
        const p = position.getValue(julianAt(t0)), q = position.getValue(julianAt(t1));
        return Math.hypot(p.x - q.x, p.y - q.y, p.z - q.z);
      },
      { id: pick.id, t0: before, t1: after },
    );
    assert.ok(dragged_m > 100, `${pick.id} moved only ${dragged_m.toFixed(1)} m when the timeline was dragged`);
    await page.screenshot({ path: path.join(resultsDir, `viewer-${name}-dragged.png`) });

    assert.deepEqual(pageErrors, [], 'page errors');
    assert.deepEqual(consoleErrors, [], 'console errors');
    assert.deepEqual(offsite, [], 'requests to non-loopback addresses');
  } finally {
    context.off('request', onRequest);
    await page.close();
  }
}

// --- the tests --------------------------------------------------------------------------

test('viewer alone on the CZML fixture', { timeout: 90000 }, async () => {
  const server = await serveStatic([
    ['/run/', fixtureDir],
    ['/', distDir],
  ]);
  try {
    const summary = JSON.parse(await readFile(path.join(fixtureDir, 'summary.json'), 'utf8'));
    await checkViewer(server.url, summary, 'fixture');
  } finally {
    await server.close();
  }
});

test('viewer says what is missing when a run has no replay.czml', { timeout: 60000 }, async () => {
  const server = await serveStatic([
    ['/run/', fixtureDir],
    ['/', distDir],
  ]);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  try {
    await page.goto(new URL('?run=no-such-run/&play=0', server.url).href);
    const status = page.locator('#status.error');
    await status.waitFor({ timeout: READY_TIMEOUT_MS });
    assert.match(await status.textContent(), /no-such-run\/replay\.czml: HTTP 404/);
    assert.equal(await page.locator('#summary').isVisible(), false);
    assert.deepEqual(pageErrors, [], 'page errors');
  } finally {
    await page.close();
    await server.close();
  }
});

test('cupola view on border_town_salvo', { timeout: 90000 }, async (t) => {
  const missing = cupolaHasView();
  if (missing) return void t.skip(missing);
  const runDir = await mkdtemp(path.join(os.tmpdir(), 'cupola-viewer-run-'));
  let view;
  try {
    const run = spawnSync(cupolaBin, ['run', path.join(repoDir, 'scenarios/border_town_salvo.yaml'), '--out', runDir], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, `cupola run failed:\n${run.stdout}\n${run.stderr}`);
    assert.ok(existsSync(path.join(runDir, 'replay.czml')), 'cupola run wrote no replay.czml');
    const summary = JSON.parse(await readFile(path.join(runDir, 'summary.json'), 'utf8'));
    view = await startCupolaView(runDir);
    await checkViewer(view.url, summary, 'border_town_salvo');
  } finally {
    await view?.stop();
    await rm(runDir, { recursive: true, force: true });
  }
});
