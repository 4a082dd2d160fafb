// The action's inputs: names and defaults in one table, parsed into a frozen ActionSettings.
import type { FailOn } from './gate-schema.js'
import { inputValues } from './input-values.js'

/** Every input of action.yml: name -> default (as the runner passes it when the workflow leaves it out). */
export const INPUTS = {
  profile: { name: 'profile', default: 'tailgate.yml', description: 'Path of the load profile (YAML).' },
  target: {
    name: 'target',
    default: '',
    description:
      "Base URL to load (overrides the profile's `target`). Empty: from the profile or the deployment_status event.",
  },
  baselineTarget: {
    name: 'baseline-target',
    default: '',
    description:
      'Live A/B: a URL serving the base version (production or a base-branch preview). Rounds alternate base and candidate (ABBA) in this job, which cancels most runner noise (a capacity profile searches both, steps interleaved); no stored baseline is used.',
  },
  headers: {
    name: 'headers',
    default: '',
    description:
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${ENV} reference, documented for users
      'Extra request headers for protected previews, one `Name: value` per line; `${ENV_NAME}` takes a value from the environment; `basic-auth: user:password`. Every value is masked as a secret.',
  },
  waitTimeout: {
    name: 'wait-timeout',
    default: '5m',
    description:
      'How long to wait for the target to answer its health path (and serve the expected commit) before failing.',
  },
  healthPath: { name: 'health-path', default: '/', description: 'Path polled until the target is ready.' },
  readyStatus: {
    name: 'ready-status',
    default: '200-299',
    description: 'HTTP statuses that mean ready, e.g. 200-299,401 or 2xx.',
  },
  expectShaHeader: {
    name: 'expect-sha-header',
    default: '',
    description:
      'A response header (e.g. x-commit-sha) in which the preview names the commit it serves; Tailgate waits until it is the PR head.',
  },
  expectShaPath: {
    name: 'expect-sha-path',
    default: '',
    description:
      'A JSON endpoint (e.g. /version) whose sha, commit or version field names the commit served; Tailgate waits until it is the PR head.',
  },
  startCommand: {
    name: 'start-command',
    default: '',
    description:
      "A command that starts the server in this job (e.g. npm start); run with /bin/sh like a run: step, stopped (whole process group) at the end. Use 'target' for its URL.",
  },
  startCwd: {
    name: 'start-cwd',
    default: '',
    description: "Working directory of 'start-command' (default: the workspace).",
  },
  mode: {
    name: 'mode',
    default: 'auto',
    description:
      'auto (push to default branch: measure and save; pull_request: measure and compare), baseline, compare, report (compare two existing results, no load), merge (add the shard results in result-path, then gate), or calibrate (A/A runs of the target against itself: false-regression rate, detectable change, recommended margin).',
  },
  baselineStore: {
    name: 'baseline-store',
    default: 'auto',
    description: 'Where baselines live: auto (cache, then artifacts), cache, artifact, or file.',
  },
  baselinePath: {
    name: 'baseline-path',
    default: '',
    description: 'Baseline file for baseline-store: file, and for mode: report.',
  },
  resultPath: {
    name: 'result-path',
    default: '',
    description:
      'mode: report: the candidate RunResult file (downloaded from the measuring run); mode: merge: the shard results (a directory, or files separated by commas or newlines).',
  },
  calibrateRuns: {
    name: 'calibrate-runs',
    default: '10',
    description: 'mode: calibrate: how many A/A comparisons to run.',
  },
  shard: {
    name: 'shard',
    default: '',
    description:
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal workflow expression, for users
      'i/N (e.g. ${{ matrix.shard }}/4): run the i-th of N equal slices of the load (arrival rate or VUs divided by N); the step writes its result and a job with mode: merge gates.',
  },
  baselineWait: {
    name: 'baseline-wait',
    default: '0s',
    description: 'How long to wait for a base-branch run still in progress before giving up on the artifact baseline.',
  },
  baselineTimeout: {
    name: 'baseline-timeout',
    default: '60s',
    description: 'Deadline for each baseline restore or save; a slow service becomes a warning, never a hang.',
  },
  history: { name: 'history', default: '10', description: 'How many earlier baselines to keep for trend lines.' },
  comment: {
    name: 'comment',
    default: 'on-change',
    description:
      'always, on-change (post when any verdict is not no-change; update an existing comment always), on-failure, or never.',
  },
  failOn: {
    name: 'fail-on',
    default: '',
    description:
      "Outcomes that fail the step, comma-separated: regression, budget, invalid, inconclusive, no-baseline. Empty: the profile's gate.fail-on (default regression, budget, invalid).",
  },
  alpha: { name: 'alpha', default: '', description: "Significance level after Holm. Empty: the profile's (0.05)." },
  margin: {
    name: 'margin',
    default: '',
    description: "Relative practical margin, e.g. 5%. Empty: the profile's (5%).",
  },
  marginMs: {
    name: 'margin-ms',
    default: '',
    description: "Absolute practical margin, e.g. 1ms. Empty: the profile's (1 ms).",
  },
  acceptLabel: {
    name: 'accept-label',
    default: 'tailgate:accept',
    description: 'A PR label that turns failures into warnings (the comment says who applied it).',
  },
  outputDir: {
    name: 'output-dir',
    default: 'tailgate-results',
    description:
      'Directory (relative to the workspace) for result.json, report.json, report.md, junit.xml and tailgate-report.html.',
  },
  githubToken: {
    name: 'github-token',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal GitHub expression the runner evaluates
    default: '${{ github.token }}',
    description: 'Token for comments, labels and artifacts of other runs.',
  },
} as const

export type InputKey = keyof typeof INPUTS
export const MODES = ['auto', 'baseline', 'compare', 'report', 'merge', 'calibrate'] as const
export type Mode = (typeof MODES)[number]
export const BASELINE_STORES = ['auto', 'cache', 'artifact', 'file'] as const
export type BaselineStoreSetting = (typeof BASELINE_STORES)[number]
export const COMMENT_POLICIES = ['always', 'on-change', 'on-failure', 'never'] as const
export type CommentPolicy = (typeof COMMENT_POLICIES)[number]

/** The action's settings after parsing; gate overrides are undefined when the input was left empty. */
export interface ActionSettings {
  readonly profilePath: string
  readonly target: string | undefined
  readonly mode: Mode
  readonly baselineStore: BaselineStoreSetting
  readonly baselinePath: string | undefined
  readonly resultPath: string | undefined
  readonly baselineWaitMs: number
  readonly baselineTimeoutMs: number
  readonly history: number
  readonly comment: CommentPolicy
  readonly failOn: readonly FailOn[] | undefined
  readonly alpha: number | undefined
  readonly marginRelative: number | undefined
  readonly marginAbsoluteMs: number | undefined
  readonly acceptLabel: string
  readonly outputDir: string
  readonly githubToken: string
  readonly baselineTarget: string | undefined
  /** The raw `headers` input (parsed with the environment by src/action/preview/secret-headers.ts). */
  readonly headers: string
  readonly waitTimeoutMs: number
  readonly healthPath: string
  readonly readyStatus: string
  readonly expectShaHeader: string | undefined
  readonly expectShaPath: string | undefined
  readonly startCommand: string | undefined
  readonly startCwd: string | undefined
  readonly calibrateRuns: number
  /** The raw `shard` input (`i/N`, parsed by src/config/shard.ts); '' when not sharded. */
  readonly shard: string
}

/** Reads one input's raw text ('' when unset), like core.getInput. */
export type InputReader = (name: string) => string

const { oneOf, duration, wholeNumber, probability, percent, failOnList } = inputValues<InputKey>(
  (key) => INPUTS[key].name,
)

/** Parses every input; throws ConfigError naming the input, quoting the value and saying what is expected. */
export function parseActionInputs(read: InputReader): ActionSettings {
  const text = (key: InputKey): string => read(INPUTS[key].name).trim()
  const optional = (key: InputKey): string | undefined => text(key) || undefined
  return Object.freeze({
    profilePath: text('profile') || INPUTS.profile.default,
    target: optional('target'),
    mode: oneOf('mode', text('mode') || INPUTS.mode.default, MODES),
    baselineStore: oneOf('baselineStore', text('baselineStore') || INPUTS.baselineStore.default, BASELINE_STORES),
    baselinePath: optional('baselinePath'),
    resultPath: optional('resultPath'),
    baselineWaitMs: duration('baselineWait', text('baselineWait') || INPUTS.baselineWait.default),
    baselineTimeoutMs: duration('baselineTimeout', text('baselineTimeout') || INPUTS.baselineTimeout.default),
    history: wholeNumber('history', text('history') || INPUTS.history.default, 0, 100),
    comment: oneOf('comment', text('comment') || INPUTS.comment.default, COMMENT_POLICIES),
    failOn: optional('failOn') === undefined ? undefined : failOnList('failOn', text('failOn')),
    alpha: optional('alpha') === undefined ? undefined : probability('alpha', text('alpha')),
    marginRelative: optional('margin') === undefined ? undefined : percent('margin', text('margin')),
    marginAbsoluteMs: optional('marginMs') === undefined ? undefined : duration('marginMs', text('marginMs')),
    acceptLabel: text('acceptLabel') || INPUTS.acceptLabel.default,
    outputDir: text('outputDir') || INPUTS.outputDir.default,
    githubToken: text('githubToken'),
    baselineTarget: optional('baselineTarget'),
    headers: read(INPUTS.headers.name),
    waitTimeoutMs: duration('waitTimeout', text('waitTimeout') || INPUTS.waitTimeout.default),
    healthPath: text('healthPath') || INPUTS.healthPath.default,
    readyStatus: text('readyStatus') || INPUTS.readyStatus.default,
    expectShaHeader: optional('expectShaHeader'),
    expectShaPath: optional('expectShaPath'),
    startCommand: optional('startCommand'),
    startCwd: optional('startCwd'),
    shard: text('shard'),
    calibrateRuns: wholeNumber('calibrateRuns', text('calibrateRuns') || INPUTS.calibrateRuns.default, 1, 200),
  })
}
