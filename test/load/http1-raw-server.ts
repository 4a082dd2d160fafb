// A loopback TCP server that answers HTTP/1.1 requests with exact bytes a test scripts (for the HTTP/1.1 client's
// conformance tests): port 0 on 127.0.0.1, every socket destroyed in teardown. It counts connections and requests.
import { once } from 'node:events'
import { type AddressInfo, createServer, type Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

/** Answers request number `index` (0-based, across connections) on `socket`. */
export type Responder = (socket: Socket, index: number) => Promise<void> | void

export interface RawServer {
  readonly url: URL
  /** Connections accepted so far. */
  readonly connections: () => number
  /** Connections the server has seen close. */
  readonly closed: () => number
  /** Request heads received, in order (request line and headers, latin-1). */
  readonly heads: string[]
  close(): Promise<void>
}

/** Writes `pieces` one after the other, `gapMs` apart, each as its own TCP segment (no Nagle). */
export async function writePieces(socket: Socket, pieces: readonly (string | Buffer)[], gapMs = 2): Promise<void> {
  socket.setNoDelay(true)
  for (const [i, piece] of pieces.entries()) {
    if (socket.destroyed) return
    socket.write(typeof piece === 'string' ? Buffer.from(piece, 'latin1') : piece)
    if (i < pieces.length - 1) await sleep(gapMs)
  }
}

/** Splits `text` into pieces of `size` bytes. */
export function slices(text: string, size: number): string[] {
  const pieces: string[] = []
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size))
  return pieces
}

/** Reads request heads (and content-length bodies) from one socket and hands each to the responder in turn. */
function serveSocket(socket: Socket, respond: Responder, heads: string[], next: () => number): void {
  let buffered = Buffer.alloc(0)
  let chain = Promise.resolve()
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk])
    for (;;) {
      const end = buffered.indexOf('\r\n\r\n')
      if (end < 0) return
      const head = buffered.toString('latin1', 0, end)
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0)
      if (buffered.length < end + 4 + length) return
      buffered = buffered.subarray(end + 4 + length)
      heads.push(head)
      const index = next()
      chain = chain.then(() => respond(socket, index)).catch(() => undefined)
    }
  })
  socket.on('error', () => undefined)
}

export async function startRawServer(respond: Responder): Promise<RawServer> {
  const sockets = new Set<Socket>()
  const heads: string[] = []
  let requests = 0
  let connections = 0
  let closed = 0
  const server = createServer((socket) => {
    connections++
    sockets.add(socket)
    socket.on('close', () => {
      closed++
      sockets.delete(socket)
    })
    serveSocket(socket, respond, heads, () => requests++)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    connections: () => connections,
    closed: () => closed,
    heads,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      server.close()
      await once(server, 'close')
    },
  }
}
