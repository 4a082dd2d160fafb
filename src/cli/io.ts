// The CLI's small I/O port: streams, files and the environment, so commands are testable in-process.
import { mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { ConfigError } from '../config/errors.js'
import { messageOf } from '../log.js'

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

/**
 * Checks, before any load is sent, that an output file can be written: its parent directories are created and the
 * file is opened for writing (without truncating an existing one; a file created only for the check is removed).
 * Throws a ConfigError naming the flag, so a bad `--out` costs nothing instead of the whole run.
 */
export async function checkWritable(path: string, flag: string): Promise<void> {
  const absolute = resolve(path)
  try {
    await mkdir(dirname(absolute), { recursive: true })
    const existed = await stat(absolute).then(
      (s) => {
        if (s.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
        return true
      },
      () => false,
    )
    const handle = await open(absolute, existed ? 'r+' : 'wx')
    await handle.close()
    if (!existed) await rm(absolute, { force: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? messageOf(error)
    throw new ConfigError(flag, `cannot write '${path}' (${code})`, 'pass a path in a writable directory')
  }
}
