// Maps a failed request (an error from undici or Node's net/tls/dns) or an HTTP status to an ErrorClass.
import type { ErrorClass } from '../results/types.js'

/**
 * Error codes and their classes. TAILGATE_HTTP_PROTOCOL (the HTTP/1.1 client's ProtocolError: the server's bytes
 * are not a valid response) is `other`, like undici's own parser errors (HPE_*, which fall through to `other`): the
 * server answered, but not in HTTP, which is neither a reset nor a timeout.
 */
const CODE_CLASSES: Readonly<Record<string, ErrorClass>> = {
  TAILGATE_HTTP_PROTOCOL: 'other',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  TAILGATE_TIMEOUT: 'timeout',
  ETIMEDOUT: 'timeout',
  ECONNREFUSED: 'connection-refused',
  ECONNRESET: 'connection-reset',
  EPIPE: 'connection-reset',
  UND_ERR_SOCKET: 'connection-reset',
  ECONNABORTED: 'connection-reset',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  EAI_NONAME: 'dns',
  EPROTO: 'tls',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls',
  CERT_HAS_EXPIRED: 'tls',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls',
}

/** The error class of a thrown request error, from its `code` (or its cause's); `other` when unknown. */
export function classifyError(error: unknown): ErrorClass {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') {
      const known = CODE_CLASSES[code]
      if (known) return known
      if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code.includes('CERT')) return 'tls'
    }
    current = (current as { cause?: unknown }).cause
  }
  return 'other'
}

/** The error class an HTTP status means by itself: 4xx and 5xx are errors, everything else is not. */
export function classifyStatus(statusCode: number): ErrorClass | null {
  if (statusCode >= 500) return 'http-5xx'
  if (statusCode >= 400) return 'http-4xx'
  return null
}
