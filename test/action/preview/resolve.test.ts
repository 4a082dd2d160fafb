// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the inputs under test hold literal ${NAME} and ${{ }} references
import { describe, expect, it } from 'vitest'
import { resolveTarget } from '../../../src/action/preview/resolve.js'
import { ConfigError } from '../../../src/config/errors.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'
const success = { state: 'success', environmentUrl: 'https://pr-42.preview.example.com', sha: SHA }

describe('resolveTarget', () => {
  it.each([
    {
      what: 'the input wins over the profile',
      options: { input: 'https://from-input.example', profileTarget: 'https://from-profile.example' },
      expected: { url: 'https://from-input.example/', sha: null, from: 'input' },
    },
    {
      what: "a successful deployment_status gives its environment_url and the deployment's SHA",
      options: { input: '', profileTarget: 'https://from-profile.example', deployment: success },
      expected: { url: 'https://pr-42.preview.example.com/', sha: SHA, from: 'deployment_status' },
    },
    {
      what: "the input wins over the deployment's URL, and the deployment's SHA is kept",
      options: { input: 'https://from-input.example/app', deployment: success },
      expected: { url: 'https://from-input.example/app', sha: SHA, from: 'input' },
    },
    {
      what: 'the profile is used when nothing else is given',
      options: { input: '  ', profileTarget: new URL('http://127.0.0.1:8080/base') },
      expected: { url: 'http://127.0.0.1:8080/base', sha: null, from: 'profile' },
    },
    {
      what: 'a deployment SHA that is not hexadecimal is dropped',
      options: { deployment: { ...success, sha: 'main' } },
      expected: { url: 'https://pr-42.preview.example.com/', sha: null, from: 'deployment_status' },
    },
  ])('$what', ({ options, expected }) => {
    const resolution = resolveTarget(options)

    expect(resolution.kind).toBe('measure')
    if (resolution.kind !== 'measure') return
    expect({ url: resolution.url.href, sha: resolution.sha, from: resolution.from }).toEqual(expected)
  })

  it.each(['pending', 'in_progress', 'failure', 'error', 'inactive'])(
    "skips a deployment_status in state '%s': nothing to measure, not an error",
    (state) => {
      const resolution = resolveTarget({ input: 'https://from-input.example', deployment: { ...success, state } })

      expect(resolution).toEqual({ kind: 'skip', reason: expect.stringContaining(`'${state}'`) })
    },
  )

  it.each([
    { what: 'no URL anywhere', options: {}, message: /'target': no target URL; pass the 'target' input/ },
    {
      what: 'a successful deployment without environment_url',
      options: { deployment: { ...success, environmentUrl: null } },
      message: /'target': the deployment_status event has no environment_url/,
    },
    { what: 'text that is not a URL', options: { input: 'pr-42 preview' }, message: /'pr-42 preview' is not a URL/ },
    { what: 'a non-http scheme', options: { input: 'ftp://example.com' }, message: /uses 'ftp:'; write an absolute/ },
    {
      what: 'an unexpanded expression',
      options: { input: '${{ steps.deploy.outputs.url }}' },
      message: /still holds an unexpanded expression/,
    },
    {
      what: 'credentials in the URL (without quoting them)',
      options: { input: 'https://user:hunter2@pr-1.example' },
      message: /carries a user name or password; remove them from the URL and pass 'basic-auth/,
    },
  ])('rejects $what with a ConfigError naming target and the fix', ({ options, message }) => {
    const attempt = () => resolveTarget(options)

    expect(attempt).toThrow(ConfigError)
    expect(attempt).toThrow(message)
    expect(attempt).not.toThrow(/hunter2/)
  })
})
