// Usage: node bench/load/servers.mjs delay --port P --ttl S --stamp (pinned to CPU 1), then
//   taskset -c 0 npx tsx bench/load/http1-stamp.ts P 8 closed|open [connections=4]
// Where a response waits: server stamps arrival/reply (hrtime ns, one monotonic clock for every process); the client
// stamps send, onHeaders, onComplete. Modes: closed (N connections back to back) and open (200/s on a setTimeout +
// setImmediate-spin schedule like the engine's sparse arrivals).
import { Http1Pool } from '../../src/load/http1/pool.js'

const port = Number(process.argv[2])
const secs = Number(process.argv[3] ?? 8)
const mode = process.argv[4] === 'open' ? 'open' : 'closed'
const conns = Number(process.argv[5] ?? 4)
const now = () => process.hrtime.bigint()
const rows: { out: number; server: number; back: number; parse: number; total: number }[] = []
const pool = new Http1Pool(new URL(`http://127.0.0.1:${port}/`), {
  connections: mode === 'open' ? 100 : conns,
  insecureTls: false,
} as never)
const end = Date.now() + secs * 1000
const header = (raw: Buffer[], name: string) => {
  for (let i = 0; i < raw.length; i += 2) if (String(raw[i]).toLowerCase() === name) return BigInt(String(raw[i + 1]))
  return 0n
}
function send(done: () => void) {
  const t0 = now()
  let tH = 0n
  let raw: Buffer[] = []
  pool.dispatch(
    { method: 'GET', path: '/', headers: [] } as never,
    {
      onConnect() {},
      onHeaders(_s: number, r: Buffer[]) {
        tH = now()
        raw = r
        return true
      },
      onData() {
        return true
      },
      onComplete() {
        const tE = now()
        const a = header(raw, 'x-arrived-ns')
        const p = header(raw, 'x-replied-ns')
        rows.push({
          out: Number(a - t0) / 1e6,
          server: Number(p - a) / 1e6,
          back: Number(tH - p) / 1e6,
          parse: Number(tE - tH) / 1e6,
          total: Number(tE - t0) / 1e6,
        })
        done()
      },
      onError(e: Error) {
        console.error(e.message)
      },
    } as never,
  )
}
if (mode === 'closed') {
  for (let c = 0; c < conns; c++) {
    const loop = () => {
      if (Date.now() < end) send(loop)
    }
    loop()
  }
} else {
  const spacing = 5
  let next = performance.now() + spacing
  const tick = () => {
    if (Date.now() >= end) return
    const t = performance.now()
    if (t >= next) {
      send(() => {})
      next += spacing
    }
    const wait = next - performance.now()
    if (wait > 1) setTimeout(tick, wait - 1)
    else setImmediate(tick)
  }
  tick()
}
setTimeout(
  () => {
    const r = rows.slice(Math.floor(rows.length * 0.2))
    const q = (k: keyof (typeof rows)[0], p: number) => {
      const s = r.map((x) => x[k]).sort((a, b) => a - b)
      return (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN).toFixed(2)
    }
    console.log(
      mode.padEnd(6),
      `n=${r.length}`,
      (['out', 'server', 'back', 'parse', 'total'] as const)
        .map((k) => `${k} p50 ${q(k, 50)} p99 ${q(k, 99)}`)
        .join(' | '),
    )
    process.exit(0)
  },
  secs * 1000 + 500,
)
