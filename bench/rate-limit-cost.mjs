// The throughput of a small GraphQL read, 8 requests at a time: node bench/rate-limit-cost.mjs <base URL> [requests].
// Used to weigh the rate limiter's database write per request (docs/deployment.md).
const base = process.argv[2];
const n = Number(process.argv[3] ?? 2000);
const body = JSON.stringify({ query: '{ rotationEvent(id: "11") { title } }' });
// warm up
for (let i = 0; i < 100; i++) await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.text());
const conc = 8;
let done = 0;
const start = performance.now();
await Promise.all(Array.from({ length: conc }, async () => {
  while (done < n) { done++; const r = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }); await r.text(); if (r.status !== 200) throw new Error(String(r.status)); }
}));
const s = (performance.now() - start) / 1000;
console.log(`${n} requests, ${conc} at a time: ${(n / s).toFixed(0)} req/s`);
