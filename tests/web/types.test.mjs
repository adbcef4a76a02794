// The TypeScript types shipped in the package (nianbao.d.ts, from src/web/types.d.ts and the exports' signatures):
// a strict compile of a file that uses every export and reads the result the way the contract describes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import * as h from './helpers.mjs';

test('nianbao.d.ts types the whole API and result under tsc --strict', () => {
  const tsc = path.join(h.ROOT, 'node_modules', '.bin', 'tsc');
  assert.ok(fs.existsSync(path.join(h.WWW, 'pkg', 'nianbao.d.ts')), 'the package has its .d.ts');
  const usage = path.join(h.FIXTURES, 'types', 'usage.ts');
  let out = '';
  try {
    execFileSync(tsc, ['--strict', '--noEmit', '--target', 'es2022', '--module', 'es2022', '--moduleResolution', 'bundler',
      '--lib', 'es2022,dom', '--skipLibCheck', 'false', usage], { encoding: 'utf8' });
  } catch (err) {
    out = `${err.stdout ?? ''}${err.stderr ?? ''}`;
  }
  assert.equal(out, '', `tsc reports:\n${out}`);
});
