// Build-time (Node) helper of vite.config.js: cuts Natural Earth's 1:10m
// coastlines and land borders (world-atlas countries-10m.json, 3.6 MB) into
// cells of CELL_DEG x CELL_DEG degrees, so the viewer fetches only the few cells
// around a run instead of parsing the whole world on every load.
//
// Output files (names relative to dist/viewer/):
//   coast/index.json           {"cell_deg": 5, "cells": ["30_30", ...]}  (cells with any line)
//   coast/<west>_<south>.json  {"coast": [[lon, lat, lon, lat, ...], ...], "borders": [...]}
// Coordinates in degrees rounded to 1e-4 (about 10 m). A segment that crosses a
// cell edge goes into both cells, so the lines join up.
import { readFile } from 'node:fs/promises';
import { mesh } from 'topojson-client';

export const CELL_DEG = 5;

const round4 = (x) => Math.round(x * 1e4) / 1e4;
const cellOf = ([lon, lat]) => `${Math.floor(lon / CELL_DEG) * CELL_DEG}_${Math.floor(lat / CELL_DEG) * CELL_DEG}`;

/** Splits each line of a GeoJSON MultiLineString into runs per cell; adds them to cells[key][layer]. */
function splitIntoCells(multiLine, layer, cells) {
  for (const line of multiLine.coordinates) {
    const open = new Map(); // cell key -> {last: index of its run's last point, run: flat coordinates}
    const take = (key, i) => {
      let entry = open.get(key);
      if (!entry || entry.last !== i) {
        entry = { last: i, run: [round4(line[i][0]), round4(line[i][1])] };
        open.set(key, entry);
        if (!cells.has(key)) cells.set(key, { coast: [], borders: [] });
        cells.get(key)[layer].push(entry.run);
      }
      entry.run.push(round4(line[i + 1][0]), round4(line[i + 1][1]));
      entry.last = i + 1;
    };
    for (let i = 0; i + 1 < line.length; i += 1) {
      const a = cellOf(line[i]);
      const b = cellOf(line[i + 1]);
      take(a, i);
      if (b !== a) take(b, i);
    }
  }
}

/** Map from output file name (relative to dist/viewer/) to its JSON text. */
export async function coastTiles(countriesTopojsonPath) {
  const topology = JSON.parse(await readFile(countriesTopojsonPath, 'utf8'));
  const countries = topology.objects.countries;
  const cells = new Map();
  // An arc used by one country only is a coastline; by two, a land border.
  splitIntoCells(mesh(topology, countries, (a, b) => a === b), 'coast', cells);
  splitIntoCells(mesh(topology, countries, (a, b) => a !== b), 'borders', cells);
  const files = new Map();
  const keys = [...cells.keys()].sort();
  files.set('coast/index.json', JSON.stringify({ cell_deg: CELL_DEG, cells: keys }));
  for (const key of keys) files.set(`coast/${key}.json`, JSON.stringify(cells.get(key)));
  return files;
}
