// Container health check: GET /healthz on the hub in this container, exit 0 when it answers 200.
// The hub's own certificate is for its public name, not 127.0.0.1: over TLS this check skips the
// certificate check (it talks to loopback only, and proves liveness, not identity).
import http from 'node:http';
import https from 'node:https';

const url = new URL(process.env.GROUNDWORK_HUB_HEALTH_URL || 'http://127.0.0.1:8787/healthz');
const client = url.protocol === 'https:' ? https : http;
const request = client.get(url, { timeout: 4000, rejectUnauthorized: false }, (response) => {
  response.resume();
  process.exit(response.statusCode === 200 ? 0 : 1);
});
request.on('timeout', () => request.destroy(new Error('timed out')));
request.on('error', (error) => {
  process.stderr.write(`healthcheck: ${error.message}\n`);
  process.exit(1);
});
