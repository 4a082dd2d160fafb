// The logging port. The action wires it to @actions/core, the CLI to stderr, tests to an array.

/** Where the core writes what it is doing. Implementations never throw. */
export interface Log {
  info(message: string): void
  warning(message: string): void
  error(message: string): void
  debug(message: string): void
}

/** A Log that keeps every line, for tests and for collecting report warnings. */
export function memoryLog(): Log & { readonly lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = []
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warning: (message) => lines.push({ level: 'warning', message }),
    error: (message) => lines.push({ level: 'error', message }),
    debug: (message) => lines.push({ level: 'debug', message }),
  }
}

export const silentLog: Log = { info() {}, warning() {}, error() {}, debug() {} }

/** The message of anything thrown, without a stack. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
