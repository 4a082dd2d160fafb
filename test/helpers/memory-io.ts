// An in-memory CliIo for running CLI commands in-process.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { CliIo } from '../../src/cli/io.js'

export interface MemoryIo extends CliIo {
  readonly out: () => string
  readonly err: () => string
}

export function memoryIo(signal: AbortSignal = new AbortController().signal): MemoryIo {
  let out = ''
  let err = ''
  return {
    stdout: {
      write: (text: string) => {
        out += text
      },
      isTTY: false,
    },
    stderr: {
      write: (text: string) => {
        err += text
      },
      isTTY: false,
    },
    readText: (path) => readFile(path, 'utf8'),
    async writeText(path, text) {
      const absolute = resolve(path)
      await mkdir(dirname(absolute), { recursive: true })
      await writeFile(absolute, text)
      return absolute
    },
    signal,
    out: () => out,
    err: () => err,
  }
}
