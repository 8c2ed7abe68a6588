// A small HTTP proxy in front of the bridge that injects one network fault on POST /v1/messages:
//   node fault-proxy.mjs <upstream url> drop-replies <n>   forwards the first <n> batches, lets the bridge finish
//                                                          (GP has committed), then drops the reply: the client's
//                                                          connection is reset before any byte of the answer
//   node fault-proxy.mjs <upstream url> duplicate          delivers every batch twice at once: the original and a
//                                                          copy signed again with a fresh timestamp (secret from
//                                                          GPSYNC_PROXY_SECRET), as a second sender would; the
//                                                          client gets the original's answer
// Everything else passes through. Prints the port it listens on (127.0.0.1), then serves until killed.
// GET /__proxy/stats answers what it did: { forwarded, dropped, duplicated, copy_statuses }.
// The repository's ESLint config declares no Node globals for .mjs files: these are Node scripts.
/* global process, Buffer, URL */
import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';

const [upstreamUrl, mode, arg] = process.argv.slice(2);
const upstream = new URL(upstreamUrl);
const secret = process.env.GPSYNC_PROXY_SECRET ?? '';
const stats = { forwarded: 0, dropped: 0, duplicated: 0, copy_statuses: [] };
let dropsLeft = mode === 'drop-replies' ? Number.parseInt(arg ?? '1', 10) : 0;

function forward(method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method,
        path,
        headers: { ...headers, host: upstream.host },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function resigned(headers, path, body) {
  const timestamp = String(Number.parseInt(String(headers['x-gpsync-timestamp']), 10) + 1);
  const digest = createHash('sha256').update(body).digest('hex');
  const signature = createHmac('sha256', secret)
    .update(`${timestamp}\nPOST\n${path}\n${digest}`)
    .digest('hex');
  return { ...headers, 'x-gpsync-timestamp': timestamp, 'x-gpsync-signature': `v1=${signature}` };
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    if (req.url === '/__proxy/stats') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
      return;
    }
    const body = Buffer.concat(chunks);
    const batch = req.method === 'POST' && req.url === '/v1/messages';
    try {
      stats.forwarded += 1;
      const copy =
        batch && mode === 'duplicate'
          ? forward(req.method, req.url, resigned(req.headers, req.url, body), body)
          : null;
      const answer = await forward(req.method, req.url, req.headers, body);
      if (copy) {
        stats.duplicated += 1;
        stats.copy_statuses.push((await copy).status);
      }
      if (batch && dropsLeft > 0) {
        dropsLeft -= 1;
        stats.dropped += 1;
        req.socket.destroy(); // GP committed; the answer never reaches the sender
        return;
      }
      res.writeHead(answer.status, answer.headers).end(answer.body);
    } catch {
      req.socket.destroy();
    }
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
