// The in-repo fake of GitHub for tests: one loopback server for the REST subset, the results service (cache and
// artifact Twirp APIs) and the blob data plane, plus helpers to build the runner's environment and run the action.
// Start it with startFakeGitHub(), point GITHUB_API_URL at `url` and ACTIONS_RESULTS_URL at `${url}/`.
export { deploymentStatusEvent, pullRequestEvent, pushEvent, type RunnerEvent, workflowRunEvent } from './events.js'
export {
  type Failure,
  FailureInjection,
  type InjectedFailure,
  NOT_ACCESSIBLE_BY_INTEGRATION,
  SECONDARY_RATE_LIMIT_MESSAGE,
} from './failures.js'
export { type ActionRun, type Annotation, parseAnnotations, runAction } from './run-action.js'
export {
  applyEnv,
  inputVariable,
  parseFileCommands,
  type RunnerEnvironment,
  type RunnerEnvOptions,
  type RunnerFiles,
  readOutputs,
  runnerEnv,
} from './runner-env.js'
export { type FakeGitHub, type FakeGitHubOptions, startFakeGitHub } from './server.js'
export {
  type FakeArtifact,
  type FakeCacheEntry,
  type FakeComment,
  FakeGitHubState,
  type FakeIssueEvent,
  type FakePullRequest,
  type FakeWorkflowRun,
  type RecordedRequest,
  ROUTE_FAMILIES,
  type RouteFamily,
} from './state.js'
export { backendRunId, type CacheScope, cacheScopesOf, runtimeToken } from './token.js'
