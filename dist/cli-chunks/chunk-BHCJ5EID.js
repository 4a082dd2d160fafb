import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);

// src/cli/exit-codes.ts
var EXIT = {
  /** Passed: no configured fail-on outcome occurred. */
  pass: 0,
  /** A regression, a budget violation or an invalid run (per fail-on). */
  gateFailed: 1,
  /** Usage or configuration error: nothing was measured. */
  usage: 2,
  /** Tailgate itself failed (I/O error, bug); the message says what. */
  internal: 3,
  /** Interrupted (SIGINT/SIGTERM); the partial result was written. */
  interrupted: 130
};

export {
  EXIT
};
