// The embedded prices cost a visitor no more bytes than the Linux and Windows table did
// before RHEL, RHEL HA and SUSE came: the rate table carries five systems in less.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

/** gzip -9 (Node's zlib) of `prices-compact.csv` as the page embedded it (git 4489093). */
const LINUX_WINDOWS_TABLE_GZIP = 60375;

test('the five-system rate table is smaller gzipped than the Linux and Windows table was', async () => {
  const text = await readFile(new URL('../../assets/data/prices-rates.csv', import.meta.url), 'utf8');
  const packed = gzipSync(text, { level: 9 }).length;
  assert.ok(packed <= LINUX_WINDOWS_TABLE_GZIP, `prices-rates.csv is ${packed} bytes gzip -9, over ${LINUX_WINDOWS_TABLE_GZIP}`);
  // Every system is in it: a family line is followed by its systems' lines.
  for (const os of ['linux', 'windows', 'rhel', 'rhel-ha', 'suse']) {
    assert.match(text, new RegExp(`^${os},`, 'm'), `${os} lines`);
  }
});
