import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);

// src/cli/demo/sample-server.ts
import { once } from "node:events";
import { createServer } from "node:http";
var SAMPLE_ROUTES = [
  { method: "GET", pathPrefix: "/health", medianMs: 0, sigma: 0, body: '{"ok":true}' },
  { method: "GET", pathPrefix: "/api/users/", medianMs: 6, sigma: 0.1, body: '{"id":1,"name":"Ada"}' },
  { method: "GET", pathPrefix: "/api/search", medianMs: 18, sigma: 0.1, body: '{"hits":[1,2,3]}' },
  { method: "POST", pathPrefix: "/api/orders", medianMs: 10, sigma: 0.1, body: '{"order":"created"}' }
];
async function startSampleServer(options = {}) {
  const random = mulberry32(options.seed ?? 42);
  const server = createServer((request, response) => handle(request, response, options, random));
  server.keepAliveTimeout = 3e4;
  server.listen(options.port ?? 0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    }
  };
}
function handle(request, response, options, random) {
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  request.resume();
  if (path === "/" && (request.method === "GET" || request.method === "HEAD")) {
    response.writeHead(200, { "content-type": "text/plain" }).end("Tailgate sample server\n");
    return;
  }
  const route = SAMPLE_ROUTES.find((r) => r.method === request.method && path.startsWith(r.pathPrefix));
  if (!route) {
    response.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
    return;
  }
  const factor = (options.slowdown?.[route.pathPrefix] ?? 1) * (options.latencyScale ?? 1);
  const delayMs = route.medianMs * factor * (options.drift?.() ?? 1) * Math.exp(route.sigma * gaussian(random));
  const reply = () => response.writeHead(200, { "content-type": "application/json" }).end(route.body);
  if (delayMs <= 0) reply();
  else setTimeout(reply, delayMs);
}
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function gaussian(random) {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export {
  SAMPLE_ROUTES,
  startSampleServer
};
