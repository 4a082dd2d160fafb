// The CLI's small I/O port: streams, files and the environment, so commands are testable in-process.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'

export interface CliIo {
  readonly stdout: { write(text: string): void; readonly isTTY?: boolean }
  readonly stderr: { write(text: string): void; readonly isTTY?: boolean }
  readText(path: string): Promise<string>
  /** Writes (creating parent directories) and returns the absolute path. */
  writeText(path: string, text: string): Promise<string>
  readonly signal: AbortSignal
}

export function processIo(signal: AbortSignal): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readText: (path) => readFile(path, 'utf8'),
    async writeText(path, text) {
      const absolute = resolve(path)
      await mkdir(dirname(absolute), { recursive: true })
      await writeFile(absolute, text)
      return absolute
    },
    signal,
  }
}
