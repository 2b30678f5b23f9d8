'use strict';
// What the e2e runners share: a free local port, and waiting for a server to answer on it.
const http = require('http');
const net = require('net');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function waitForHttp(url, ms) {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => http.get(url, (res) => { res.resume(); resolve(); }).on('error', () => {
      if (Date.now() > end) reject(new Error(`code-server did not answer on ${url} within ${ms} ms`));
      else setTimeout(tick, 200);
    });
    tick();
  });
}

module.exports = { freePort, waitForHttp };
