// Signals a whole process group (a detached child and everything it started) and waits, bounded, until it is gone.
// POSIX only: process.kill with a negative pid; on Linux, /proc tells a zombie from a living process.
import { readdirSync, readFileSync } from 'node:fs'
import { setTimeout as delay } from 'node:timers/promises'

/** How a stop ended: `terminated` (gone after SIGTERM), `killed` (SIGKILL was needed), `survived` (still there). */
export type StopOutcome = 'terminated' | 'killed' | 'survived'

const POLL_MS = 25
/** How long to wait for the group to disappear after SIGKILL before reporting `survived`. */
const AFTER_KILL_MS = 2000

/** Sends `signal` to every process of group `groupId`; false when the group no longer exists. Never throws. */
export function signalGroup(groupId: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-groupId, signal)
    return true
  } catch (error) {
    // EPERM: a member exists but is not ours to signal (it changed user); it is still there.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * True while a living process of the group exists. Zombies do not count: in a container job whose PID 1 does not
 * reap orphans (`tail -f /dev/null`), a killed grandchild stays a zombie forever, yet it is dead.
 */
export function groupExists(groupId: number): boolean {
  return signalGroup(groupId, 0) && hasLivingMember(groupId)
}

/** Scans /proc for a member of the group that is not a zombie; true when /proc cannot be read (not Linux). */
function hasLivingMember(groupId: number): boolean {
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return true
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue
    const state = processStat(entry)
    if (state !== null && state.groupId === groupId && state.state !== 'Z' && state.state !== 'X') return true
  }
  return false
}

/** State letter and process group of /proc/<pid>/stat; null when the process is gone or unreadable. */
export function processStat(pid: number | string): { readonly state: string; readonly groupId: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { state: fields[0] ?? '', groupId: Number(fields[2]) }
  } catch {
    return null
  }
}

/** Polls until the group is gone or `timeoutMs` passes; resolves whether it is gone. */
export async function waitGroupGone(groupId: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (groupExists(groupId)) {
    if (Date.now() >= deadline) return false
    await delay(POLL_MS)
  }
  return true
}

/**
 * SIGTERM to the group, then SIGKILL after `graceMs` if any member is left. The first signal is sent
 * synchronously, before the returned promise is created, so a signal handler that calls this has already
 * stopped the group when it returns.
 * @example await terminateGroup(child.pid, 5000) // => 'terminated'
 */
export function terminateGroup(groupId: number, graceMs: number): Promise<StopOutcome> {
  signalGroup(groupId, 'SIGTERM')
  return (async () => {
    if (await waitGroupGone(groupId, graceMs)) return 'terminated'
    signalGroup(groupId, 'SIGKILL')
    return (await waitGroupGone(groupId, AFTER_KILL_MS)) ? 'killed' : 'survived'
  })()
}
