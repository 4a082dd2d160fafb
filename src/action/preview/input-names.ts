// The action input names this folder's messages refer to. The inputs table itself lives in src/config/inputs.ts;
// these are the names error fixes tell the user to change, so the table must use the same spelling.

/** Input names used in readiness, header and local-server messages. */
export const TARGET_INPUTS = {
  target: 'target',
  waitTimeout: 'wait-timeout',
  healthPath: 'health-path',
  readyStatus: 'ready-status',
  expectShaHeader: 'expect-sha-header',
  expectShaPath: 'expect-sha-path',
  headers: 'headers',
  startCommand: 'start-command',
  startCwd: 'start-cwd',
} as const
