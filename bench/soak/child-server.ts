// The target of the soak benchmarks: a Node server from source text, in its own process (its memory and CPU are not
// the generator's), on 127.0.0.1. The source prints its port on stdout and exits when its stdin closes (with us).
import { spawn } from 'node:child_process'
import { once } from 'node:events'

export async function startChildServer(source: string): Promise<{ url: URL; stop(): void }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], { stdio: ['pipe', 'pipe', 'inherit'] })
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer]
  return { url: new URL(`http://127.0.0.1:${chunk.toString().trim()}`), stop: () => child.kill() }
}
