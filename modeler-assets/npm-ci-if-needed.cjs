// Runs `npm ci` only when node_modules does not match package.json + package-lock.json.
//
// Called by Maven (exec-maven-plugin, phase generate-resources). After a successful `npm ci` it writes
// a stamp file into node_modules holding a SHA-256 of package.json and package-lock.json; the next build
// skips npm entirely while the stamp matches. The decision is content-based (not mtime-based), so
// branch switches, cache restores and interrupted installs are handled: `npm ci` deletes node_modules
// (and with it the stamp) first, and the stamp is only written once it has succeeded.
'use strict';

const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const dir = __dirname;
const stamp = path.join(dir, 'node_modules', '.healthcrm-npm-ci.sha256');

const hash = crypto.createHash('sha256');
for (const f of ['package.json', 'package-lock.json']) {
  hash.update(f + '\0');
  hash.update(fs.readFileSync(path.join(dir, f)));
}
const wanted = hash.digest('hex');

let current = null;
try {
  current = fs.readFileSync(stamp, 'utf8').trim();
} catch (e) {
  // no stamp: first build or node_modules deleted
}
if (current === wanted) {
  console.log('[modeler-assets] node_modules is up to date with package-lock.json; skipping npm ci');
  process.exit(0);
}

// --ignore-scripts: only the prebuilt dist/ files are used, no package needs its install scripts.
// --prefer-offline: reuse the local npm cache when it already holds the locked tarballs.
const args = ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline'];
console.log('[modeler-assets] npm ' + args.join(' '));
const win = process.platform === 'win32';
const result = spawnSync(win ? 'npm.cmd' : 'npm', args, { cwd: dir, stdio: 'inherit', shell: win });
if (result.error) {
  console.error('[modeler-assets] cannot run npm (Node 20+ with npm must be on the PATH): ' + result.error.message);
  process.exit(1);
}
if (result.status !== 0) {
  process.exit(result.status === null ? 1 : result.status);
}
fs.writeFileSync(stamp, wanted + '\n');
