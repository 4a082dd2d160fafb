// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the inputs under test hold literal ${NAME} and ${{ }} references
import { describe, expect, it } from 'vitest'
import { createRedactor } from '../../../src/action/preview/redact.js'
import { parseSecretHeaders } from '../../../src/action/preview/secret-headers.js'
import { ConfigError, ConfigErrors } from '../../../src/config/errors.js'
import { SECRET, SECRET_BASIC_AUTH, secretLeaks } from './secret.js'

const env = { VERCEL_BYPASS: SECRET, SESSION: 's3ssion-cookie', PREVIEW_PASSWORD: SECRET_BASIC_AUTH.password }

describe('parseSecretHeaders', () => {
  it('parses Name: value lines with ${ENV} references, skipping blank and # lines, and lists every value as secret', () => {
    const text = [
      '# Vercel deployment protection',
      'X-Vercel-Protection-Bypass: ${VERCEL_BYPASS}',
      '',
      'cookie: session=${SESSION}; theme=dark',
    ].join('\n')

    const parsed = parseSecretHeaders({ text, env })

    expect(parsed.headers).toEqual({
      'x-vercel-protection-bypass': SECRET,
      cookie: 'session=s3ssion-cookie; theme=dark',
    })
    expect(parsed.secrets).toEqual(
      expect.arrayContaining([SECRET, 's3ssion-cookie', 'session=s3ssion-cookie; theme=dark']),
    )
  })

  it('turns basic-auth: user:password into an Authorization header, with every form of the credential secret', () => {
    const parsed = parseSecretHeaders({ text: `basic-auth: ${SECRET_BASIC_AUTH.user}:\${PREVIEW_PASSWORD}`, env })

    const credential = `${SECRET_BASIC_AUTH.user}:${SECRET_BASIC_AUTH.password}`
    const encoded = Buffer.from(credential).toString('base64')
    expect(parsed.headers).toEqual({ authorization: `Basic ${encoded}` })
    expect(parsed.secrets).toEqual(
      expect.arrayContaining([SECRET_BASIC_AUTH.password, credential, encoded, `Basic ${encoded}`]),
    )
  })

  it('gives the redactor what it needs to remove the header values and the basic-auth header from a log', () => {
    const parsed = parseSecretHeaders({
      text: 'x-bypass: ${VERCEL_BYPASS}\nbasic-auth: preview:${PREVIEW_PASSWORD}',
      env,
    })
    const redact = createRedactor(parsed.secrets)

    const log = `request headers: ${JSON.stringify(parsed.headers)}`

    expect(secretLeaks({ log })).toEqual(['log'])
    expect(secretLeaks({ log: redact(log) })).toEqual([])
  })

  it.each([
    { what: 'a line without a colon', text: 'x-token abc', message: /'headers': line 1 is not a header line/ },
    { what: 'a name with spaces', text: 'x token: abc', message: /line 1 has a header name with spaces or symbols/ },
    { what: 'a header the client manages', text: 'Host: evil.example', message: /line 1 sets 'host'/ },
    {
      what: 'an unset variable',
      text: '\n\nx-token: ${MISSING}',
      message: /line 3 refers to the environment variable MISSING, which is not set/,
    },
    {
      what: 'an empty variable (a fork PR)',
      text: 'x-token: ${EMPTY}',
      message: /EMPTY, which is empty; pass it to the step/,
    },
    {
      what: 'a reference that is not a name',
      text: 'x-token: ${not a name}',
      message: /not an environment variable name; write \$\{NAME\}/,
    },
    { what: 'an empty value', text: 'x-token:', message: /line 1 has a value for 'x-token' that is empty/ },
    { what: 'a value with a line break from the environment', text: 'x-token: ${MULTILINE}', message: /line break/ },
    {
      what: 'basic-auth without a colon',
      text: 'basic-auth: ${VERCEL_BYPASS}',
      message: /'basic-auth' value without a colon/,
    },
    { what: 'a repeated header', text: 'a: 1\nA: 2', message: /line 2 sets 'a' again \(first set on line 1\)/ },
    {
      what: 'basic-auth with an Authorization line',
      text: 'authorization: Bearer x\nbasic-auth: u:p',
      message: /line 2 sets 'authorization' again/,
    },
  ])('rejects $what with a ConfigError naming the input and the line, never the value', ({ text, message }) => {
    const attempt = () => parseSecretHeaders({ text, env: { ...env, EMPTY: '', MULTILINE: `${SECRET}\nx: y` } })

    expect(attempt).toThrow(ConfigError)
    expect(attempt).toThrow(message)
    expect(attempt).not.toThrow(new RegExp(SECRET))
  })

  it('reports every bad line at once', () => {
    const attempt = () =>
      parseSecretHeaders({ text: 'no colon\nok: 1\nbad name: 2', env: {}, input: 'preview-headers' })

    expect(attempt).toThrow(ConfigErrors)
    expect(attempt).toThrow(/'preview-headers': line 1 [^\n]*\n[^\n]*'preview-headers': line 3/)
  })
})
