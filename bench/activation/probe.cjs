// One activation, in a fresh Node process: `node probe.cjs <bundle>` loads the
// extension bundle with the `vscode` stand-in, calls activate() with an inert
// context and prints the bundle's own timing (src/host/activation-time.ts) as JSON.
'use strict';

const Module = require('node:module');
const path = require('node:path');

const standIn = path.join(__dirname, 'vscode-stand-in.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? standIn : resolve.call(this, request, ...rest);
};

const { inert } = require(standIn);
const started = performance.now();
const extension = require(path.resolve(process.argv[2]));
const required = performance.now() - started;
const context = new Proxy({ subscriptions: [] }, { get: (target, key) => (key in target ? target[key] : inert) });
const api = extension.activate(context);
process.stdout.write(JSON.stringify({ ...api.activationTime(), requireMs: required }) + '\n');
// Now, before the work activate() started in the background runs on the stand-in.
process.exit(0);
