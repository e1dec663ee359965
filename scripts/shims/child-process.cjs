// commander loads node:child_process when it starts, for executable subcommands, which methodewijzer
// does not have. Loaded on first use instead, it costs nothing at start-up.
'use strict';
let real;
module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });
