import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRedactor, REDACTED, secretForms } from '../../../src/action/preview/redact.js'
import { SECRET, secretLeaks } from './secret.js'

describe('createRedactor', () => {
  const tricky = 'p@ss w/rd+"quote"&é'

  it.each([
    { form: 'as is', text: `header x-bypass: ${tricky}` },
    { form: 'percent-encoded', text: `https://pr-1.example/?token=${encodeURIComponent(tricky)}` },
    { form: 'percent-encoded, lower-case hex', text: `url=${encodeURIComponent(tricky).toLowerCase()}` },
    { form: 'form-encoded', text: `body=${new URLSearchParams({ a: tricky }).toString().slice(2)}` },
    { form: 'base64', text: `authorization: Basic ${Buffer.from(tricky).toString('base64')}` },
    { form: 'base64url', text: `jwt=${Buffer.from(tricky).toString('base64url')}` },
    { form: 'JSON-escaped', text: JSON.stringify({ headers: { 'x-bypass': tricky } }) },
  ])('masks a secret written $form', ({ text }) => {
    const redact = createRedactor([tricky])

    const redacted = redact(text)

    expect(redacted).toContain(REDACTED)
    for (const form of secretForms(tricky)) expect(redacted).not.toContain(form)
  })

  it('masks a longer secret whole when it contains a shorter one', () => {
    const redact = createRedactor(['abc123', 'Bearer abc123xyz'])

    expect(redact('auth: Bearer abc123xyz and abc123')).toBe('auth: *** and ***')
  })

  it('leaves text without secrets untouched, and ignores empty secrets', () => {
    const redact = createRedactor(['', 'hunter2'])

    expect(redact('nothing to hide here')).toBe('nothing to hide here')
  })

  it('removes the shared test SECRET from a sample log line, report and RunResult text', () => {
    // Given the texts a run writes when the bypass header was echoed by mistake
    const redact = createRedactor([SECRET])
    const texts = {
      log: `Sending x-vercel-protection-bypass: ${SECRET} to https://pr-7.example`,
      report: `| GET / | 12 ms | headers: x-vercel-protection-bypass=${SECRET} |`,
      result: JSON.stringify({ profile: { headers: { 'x-vercel-protection-bypass': SECRET } } }),
    }
    expect(secretLeaks(texts)).toEqual(['log', 'report', 'result'])

    // When they are redacted
    const redacted = Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, redact(text)]))

    // Then no channel holds the secret
    expect(secretLeaks(redacted)).toEqual([])
  })

  it('never leaves a secret in any text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        (secret, before, after) => {
          const redacted = createRedactor([secret])(`${before}${secret}${after}`)
          return !redacted.includes(secret) || secret.includes(REDACTED) || REDACTED.includes(secret)
        },
      ),
    )
  })
})
