#!/usr/bin/env node
// Starts @vercel/cosmosdb-server (pinned in package.json) with HTTP keep-alive on. Its own CLI answers every request
// with "connection: close", so each SDK call paid a new TLS handshake: most of the local host's CPU per report.
// Usage: node scripts/cosmos-emulator.js [--host 127.0.0.1] [-p 8081]
"use strict";
const { createHttpsServer } = require("@vercel/cosmosdb-server");

const argv = process.argv.slice(2);
let host = "127.0.0.1";
let port = 8081;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--host") host = argv[++i];
  else if (argv[i] === "-p" || argv[i] === "--port") port = parseInt(argv[++i], 10);
}

const server = createHttpsServer({ keepAlive: true });
server.keepAliveTimeout = 60000;
server.headersTimeout = 65000;
server.listen(port, host, () => {
  // eslint-disable-next-line no-console
  console.log(`Ready to accept HTTPS connections at ${host}:${server.address().port} (keep-alive)`);
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.close(() => process.exit(0)));
