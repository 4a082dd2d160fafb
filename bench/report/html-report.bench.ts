// Size and generation time of the HTML report: 10 and 50 endpoints × 6 rounds with 3 earlier baselines (trend),
// and 50 endpoints with 10-minute per-second timelines (whole run and per endpoint), rendered in-process
// (renderHtml) and end to end through `tailgate report` (read, decode, decide, render, write).
//
//   npx tsx bench/report/html-report.bench.ts [--repeat 7]
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { main } from '../../src/cli/main.js'
import { renderHtml } from '../../src/report/html/page.js'
import { serializeRunResult } from '../../src/results/codec.js'
import { memoryIo } from '../../test/helpers/memory-io.js'
import { manyEndpointsCase } from '../../test/report/html-cases.js'

const { values } = parseArgs({ options: { repeat: { type: 'string' } } })
const repeat = Number(values.repeat ?? 7)

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function timeMs(action: () => unknown | Promise<unknown>): Promise<number[]> {
  await action() // warm-up
  const times: number[] = []
  for (let i = 0; i < repeat; i++) {
    const started = performance.now()
    await action()
    times.push(performance.now() - started)
  }
  return times
}

const dir = await mkdtemp(join(tmpdir(), 'tailgate-html-bench-'))
const rows: string[] = []
try {
  const cases = [
    { endpoints: 10, seconds: undefined, label: '10 endpoints × 6 rounds, 3 earlier baselines' },
    { endpoints: 50, seconds: undefined, label: '50 endpoints × 6 rounds, 3 earlier baselines' },
    { endpoints: 50, seconds: 600, label: '50 endpoints, 10-minute timelines (600 s per endpoint)' },
  ]
  for (const { endpoints: count, seconds, label } of cases) {
    const endpoints = `${count}-${seconds ?? 'short'}`
    const input = manyEndpointsCase(count, 6, 3, seconds)
    const html = renderHtml(input)
    const render = await timeMs(() => renderHtml(input))
    const files = {
      candidate: join(dir, `c${endpoints}.json`),
      baseline: join(dir, `b${endpoints}.json`),
      out: join(dir, `r${endpoints}.html`),
    }
    await writeFile(files.candidate, serializeRunResult(input.candidate))
    await writeFile(files.baseline, serializeRunResult(input.baseline!.result))
    const history = await Promise.all(
      input.baseline!.history.map(async (run, i) => {
        const file = join(dir, `h${endpoints}-${i}.json`)
        await writeFile(file, serializeRunResult(run))
        return ['--history', file]
      }),
    )
    const argv = ['report', files.candidate, '--baseline', files.baseline, ...history.flat(), '--out', files.out]
    const cli = await timeMs(async () => {
      const code = await main(argv, memoryIo())
      if (code !== 0) throw new Error(`tailgate report exited ${code}`)
    })
    const written = (await stat(files.out)).size
    const charts = html.split('data-chart=').length - 1
    rows.push(
      `| ${label} | ${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB ` +
        `(file ${(written / 1024).toFixed(0)} KiB), ${charts} charts | renderHtml ${median(render).toFixed(0)} ms ` +
        `(min ${Math.min(...render).toFixed(0)}) | \`tailgate report\` ${median(cli).toFixed(0)} ms (min ${Math.min(...cli).toFixed(0)}) |`,
    )
  }
} finally {
  await rm(dir, { recursive: true, force: true })
}
console.log(
  `Node ${process.version}, ${cpus()[0]?.model ?? '?'} × ${cpus().length}, load ${loadavg()[0]?.toFixed(1)}, ` +
    `median of ${repeat} after one warm-up, ${new Date().toISOString()}`,
)
console.log('| Report | Size | Render (in-process) | End to end |')
console.log('| --- | --- | --- | --- |')
for (const row of rows) console.log(row)
