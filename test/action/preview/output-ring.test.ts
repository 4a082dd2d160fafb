import { describe, expect, it } from 'vitest'
import { createOutputRing, MAX_LINE_CHARS } from '../../../src/action/preview/output-ring.js'
import { createRedactor } from '../../../src/action/preview/redact.js'

describe('createOutputRing', () => {
  it('keeps only the last lines, joining lines split across chunks, per stream', () => {
    const ring = createOutputRing(3)

    ring.push('stdout', 'one\ntw')
    ring.push('stderr', 'err-a\n')
    ring.push('stdout', 'o\nthree\r\nfour\npartial')

    expect(ring.lines()).toEqual(['three', 'four', 'partial'])
  })

  it('cuts very long lines and redacts every line', () => {
    const ring = createOutputRing(10, createRedactor(['s3cret']))

    ring.push('stdout', `token=s3cret\n${'x'.repeat(MAX_LINE_CHARS * 3)}\n`)

    const [first, second] = ring.lines()
    expect(first).toBe('token=***')
    expect(second).toHaveLength(MAX_LINE_CHARS)
  })

  it('bounds a line that never ends', () => {
    const ring = createOutputRing(10)

    for (let i = 0; i < 100; i++) ring.push('stdout', 'y'.repeat(500))

    expect(ring.lines()).toEqual(['y'.repeat(MAX_LINE_CHARS)])
  })
})
