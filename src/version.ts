/** Tailgate's version, written into every RunResult and report. Bumped with package.json. */
export const TAILGATE_VERSION = '0.1.0'
