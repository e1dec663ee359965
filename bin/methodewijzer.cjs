#!/usr/bin/env node
'use strict';
// Before anything else is loaded, two checks that turn a screen of minified source into one line:
// a Node.js older than package.json's engines allows, and a checkout that is not built yet. Written in
// syntax that any Node.js since 12 (and much older) parses: no ?., no ??, no class fields.

/**
 * Why this Node.js version cannot run methodewijzer, or undefined when it can. The same range as
 * "engines" in package.json (a test holds the two together): ^20.17.0 || ^22.13.0 || >=23.5.0.
 */
function nodeVersionProblem(version) {
  var parts = String(version).replace(/^v/, '').split('.');
  var major = Number(parts[0]);
  var minor = Number(parts[1]);
  var ok = (major === 20 && minor >= 17) || (major === 22 && minor >= 13) || (major === 23 && minor >= 5) || major >= 24;
  if (ok) return undefined;
  var needed = major < 20 || (major === 20 && minor < 17) ? 'Node.js 20.17 of nieuwer' : 'Node.js 20 (vanaf 20.17), 22 (vanaf 22.13) of 23.5 en nieuwer';
  return needed + ' is nodig (u heeft ' + String(version).replace(/^v/, '') + ')';
}

function main() {
  var problem = nodeVersionProblem(process.versions.node);
  if (problem) {
    process.stderr.write('methodewijzer: ' + problem + '\n');
    process.exitCode = 1;
    return;
  }
  var boot;
  try {
    boot = require('../dist/boot.cjs');
  } catch (err) {
    // Only dist/boot.cjs itself missing: anything else boot.cjs fails on is not this.
    if (!err || err.code !== 'MODULE_NOT_FOUND' || !err.requireStack || err.requireStack[0] !== __filename) throw err;
    process.stderr.write('methodewijzer: deze map is nog niet gebouwd (dist/boot.cjs ontbreekt); voer `npm run build` uit in ' + require('path').dirname(__dirname) + ' (of `npm ci`, dat ook bouwt)\n');
    process.exitCode = 1;
    return;
  }
  boot.run();
}

if (require.main === module) main();
else module.exports = { nodeVersionProblem: nodeVersionProblem };
