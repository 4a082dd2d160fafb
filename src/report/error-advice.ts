// What to do about each class of failed request: one line a person can act on, naming the setting to change.
import { formatMs } from '../config/units.js'
import type { ErrorClass } from '../results/types.js'

/** What the advice may name: the target and the request timeout in force. */
export interface AdviceContext {
  readonly target: URL
  readonly requestTimeoutMs: number
}

const hostPort = (url: URL): string => url.host || url.hostname

/**
 * The cause and the fix of an error class, e.g. for `connection-refused`: "nothing accepted the connection at
 * 127.0.0.1:9: is the server up, and listening on this port?".
 */
export function errorAdvice(errorClass: ErrorClass, context: AdviceContext): string {
  const { target } = context
  switch (errorClass) {
    case 'connection-refused':
      return `nothing accepted the connection at ${hostPort(target)}: is the server up, and listening on this port?`
    case 'connection-reset':
      return 'the server closed connections mid-request: is it crashing or overloaded, or a proxy cutting them?'
    case 'dns':
      return `the host name ${target.hostname} does not resolve: check the target's spelling, or wait until the preview's DNS exists`
    case 'tls':
      return target.protocol === 'https:'
        ? 'the TLS handshake failed: for a preview with a self-signed certificate set `tls: { insecure: true }` in the profile; otherwise check the certificate, or http:// vs https://'
        : 'a TLS error on an http:// target: does the server expect https://?'
    case 'timeout':
      return `no answer within the request timeout (${formatMs(context.requestTimeoutMs)}): is the server stuck? Raise \`timeout:\` in the profile if it is only slow`
    case 'check-failed':
      return 'responses failed the `expect:` checks: look at what the server answers (status, body, headers), or fix the `expect:` of the step'
    case 'http-4xx':
      return 'the server answered 4xx: a wrong path, or missing credentials (`headers:` in the profile or the `headers` input)?'
    case 'http-5xx':
      return "the server answered 5xx: it fails on these requests; look at the server's logs"
    case 'other':
      return 'an unclassified failure (not a refusal, reset, DNS, TLS, timeout or HTTP status): look at the server and the network to it'
  }
}
