// Bundles the two entry points with esbuild. ESM with a createRequire banner, because some bundled
// CommonJS dependencies require() Node built-ins (Rollup's bundle of undici breaks on Node 20).
import { chmod } from 'node:fs/promises'
import { build } from 'esbuild'

const banner =
  "import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);"

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: banner },
  legalComments: 'none',
  logLevel: 'warning',
  sourcemap: false,
  minify: false,
}

await build({ ...common, entryPoints: ['src/action.ts'], outfile: 'dist/index.js' })
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  banner: { js: `#!/usr/bin/env node\n${banner}` },
})
// The CLI is the package's bin: executable, so `npx tailgate` (and ./dist/cli.js) runs it. Git records the mode.
await chmod('dist/cli.js', 0o755)
