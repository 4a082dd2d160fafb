// A bare undici Pool.dispatch loop for bench/load/tail-peers.sh: CONNECTIONS connections, closed loop (the next
// request dispatched from onComplete), latency from dispatch to onComplete. Loopback only.
//   node bench/load/clients/undici-pool.mjs PORT CONNECTIONS SECONDS  -> "p50 p99 count" (ms)
import { createRequire } from 'node:module'

const { Pool } = createRequire(import.meta.url)('undici')
const [port, connections, seconds] = process.argv.slice(2).map(Number)
const pool = new Pool(`http://127.0.0.1:${port}`, { connections })
const latenciesMs = []
const endMs = performance.now() + seconds * 1000
class Handler {
  startMs = performance.now()
  onConnect() {}
  onHeaders() {
    return true
  }
  onData() {
    return true
  }
  onError(error) {
    console.error(error)
  }
  onComplete() {
    latenciesMs.push(performance.now() - this.startMs)
    if (performance.now() < endMs) send()
  }
}
const send = () => pool.dispatch({ path: '/', method: 'GET' }, new Handler())
for (let c = 0; c < connections; c++) send()
setTimeout(
  () => {
    latenciesMs.sort((a, b) => a - b)
    const at = (p) => latenciesMs[Math.floor((p / 100) * latenciesMs.length)].toFixed(2)
    console.log(at(50), at(99), latenciesMs.length)
    process.exit(0)
  },
  seconds * 1000 + 200,
)
