// A bare Node `net` HTTP/1.1 client for bench/load/tail-peers.sh: CONNECTIONS connections, closed loop (the next
// request is written in the `data` handler of the previous answer), latency from write to first data. Loopback only.
//   node bench/load/clients/raw-net.mjs PORT CONNECTIONS SECONDS  -> "p50 p99 count" (ms)
import net from 'node:net'

const [port, connections, seconds] = process.argv.slice(2).map(Number)
const latenciesMs = []
const endMs = performance.now() + seconds * 1000
for (let c = 0; c < connections; c++) {
  const socket = net.connect(port, '127.0.0.1')
  socket.setNoDelay(true)
  let sentMs = 0
  const send = () => {
    sentMs = performance.now()
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
  }
  socket.on('connect', send)
  socket.on('data', () => {
    latenciesMs.push(performance.now() - sentMs)
    if (performance.now() < endMs) send()
    else socket.end()
  })
}
process.on('exit', () => {
  latenciesMs.sort((a, b) => a - b)
  const at = (p) => latenciesMs[Math.floor((p / 100) * latenciesMs.length)].toFixed(2)
  console.log(at(50), at(99), latenciesMs.length)
})
