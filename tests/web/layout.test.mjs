// www/layout.js draws the official tables; its row keys must be the engine's (src/template.rs). This fails when
// a row is added, renamed or moved on one side only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as h from './helpers.mjs';
import { REQUEST_ROWS, requestRows, ACTIVE_BLOCKS } from '../../www/layout.js';

const template = fs.readFileSync(path.join(h.ROOT, 'src', 'template.rs'), 'utf8');

test('table 三 rows: the same keys, in the same order, as src/template.rs REQUEST_ROWS', () => {
  const block = template.slice(template.indexOf('pub const REQUEST_ROWS'), template.indexOf('pub const REQUEST_GROUP_LABELS'));
  const keys = [...block.matchAll(/row\(\s*"([a-z_]+)"/g)].map((m) => m[1]);
  assert.ok(keys.length >= 25, 'read the template');
  assert.deepEqual(REQUEST_ROWS.map((r) => r.key), keys, 'update www/layout.js REQUEST_ROWS');
});

test('table 三 rows per format match what the engine reads from complete reports', () => {
  const r2021 = h.nodeEngine().check(fs.readFileSync(path.join(h.ROOT, 'tests/fixtures/rules/_base/report-2021.txt'), 'utf8'), {});
  assert.deepEqual(requestRows('2021').map((r) => r.key).sort(), Object.keys(r2021.tables.requests.rows).sort());
  const r2019 = h.nodeEngine().check(h.corpus('reports/shanghai-office-2019.html'), {});
  assert.equal(r2019.document.format, '2019');
  assert.deepEqual(requestRows('2019').map((r) => r.key).sort(), Object.keys(r2019.tables.requests.rows).sort());
});

test('table 二 blocks: the rows and columns of src/template.rs ACTIVE_ROWS_2021 / _2019', () => {
  for (const [format, name] of [['2021', 'ACTIVE_ROWS_2021'], ['2019', 'ACTIVE_ROWS_2019']]) {
    const start = template.indexOf(`pub const ${name}`);
    const block = template.slice(start, template.indexOf('];', start));
    const keys = [...block.matchAll(/key: "([a-z_]+)"/g)].map((m) => m[1]);
    const ours = ACTIVE_BLOCKS[format].flatMap((b) => b.rows.map((r) => r[0]));
    assert.deepEqual(ours, keys, `update www/layout.js ACTIVE_BLOCKS[${format}]`);
  }
  const r = h.nodeEngine().check(fs.readFileSync(path.join(h.ROOT, 'tests/fixtures/rules/_base/report-2021.txt'), 'utf8'), {});
  for (const b of ACTIVE_BLOCKS[2021]) {
    for (const [key] of b.rows) {
      assert.deepEqual(r.tables.active[key].columns, b.columns.map((c) => c[0].replace(/（/g, '（')), `columns of ${key}`);
    }
  }
});
