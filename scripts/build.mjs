// Bundles the two entry points with esbuild. ESM with a createRequire banner, because some bundled
// CommonJS dependencies require() Node built-ins (Rollup's bundle of undici breaks on Node 20).
//
// dist/cli.js is built with code splitting: src/cli/main.ts imports each command's module with a dynamic import(),
// and esbuild puts what only that command needs into its own chunk under dist/cli-chunks/. `tailgate --version` then
// parses a few kB instead of the whole 2.8 MB, and `compare` only the comparison's code. Splitting (rather than one
// separate bundle per command) keeps the code that commands share (result codec, gate, statistics) in one shared
// chunk, so dist/ does not hold several copies of it. Chunk names carry a content hash; the chunk folder is emptied
// before each build, so dist/ is always exactly a fresh build (.ci/run checks it with `git status -- dist`).
import { chmod, readFile, rm, writeFile } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import { build } from 'esbuild'

const banner =
  "import { createRequire as __tailgateCreateRequire } from 'node:module'; const require = __tailgateCreateRequire(import.meta.url);"

// @actions/core imports @actions/http-client (with its own bundled undici, ~0.8 MB) for getIDToken() and
// @actions/exec for `platform`, neither of which Tailgate calls; the packages declare no `sideEffects`, so esbuild
// would keep their module-level code (CommonJS initialisers) in the Action's entry and run it before the first log
// line. Their modules have no side effects at import (only declarations), so tell esbuild so: a module of theirs whose
// exports nothing uses is left out, and what is used (core's inputs/outputs, the cache and artifact SDKs' HTTP client
// in their lazily loaded chunks) is bundled exactly as before.
const SIDE_EFFECT_FREE = /[\\/]node_modules[\\/]@actions[\\/](core|exec|http-client|io)[\\/]/
// Only imports that can land in those folders come to JavaScript (the filter runs inside esbuild), and a relative
// import is asked of esbuild's resolver only when its folder is one of them: each round trip between esbuild and this
// process costs time, and a plugin that resolved every one of the bundles' thousands of imports took 3–4 s of the
// build's ~5 s. The result is the same bundle: a relative import resolves within the folder its path names.
const sideEffectFreeActions = {
  name: 'side-effect-free-actions',
  setup(builder) {
    builder.onResolve({ filter: /@actions|^\./ }, async (args) => {
      if (args.pluginData === SIDE_EFFECT_FREE) return undefined
      if (args.path.startsWith('.') && !SIDE_EFFECT_FREE.test(`${resolve(args.resolveDir, args.path)}${sep}`)) {
        return undefined
      }
      const { path, external, errors, warnings } = await builder.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: SIDE_EFFECT_FREE,
      })
      if (errors.length > 0 || external || !SIDE_EFFECT_FREE.test(path)) return undefined
      return { path, sideEffects: false, warnings }
    })
  },
}

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
  plugins: [sideEffectFreeActions],
}

/** One entry point, split: what only dynamic import()s reach goes to dist/<chunkDir>/ (emptied first). */
async function buildSplit(name, entry, chunkDir) {
  await rm(`dist/${chunkDir}`, { recursive: true, force: true })
  await build({
    ...common,
    entryPoints: { [name]: entry },
    outdir: 'dist',
    splitting: true,
    chunkNames: `${chunkDir}/[name]-[hash]`,
  })
}

// The Action is split the same way: @actions/cache (with the Azure SDK) and @actions/artifact are imported on first
// use by the baseline stores and the report upload, so they live in dist/index-chunks/, not parsed at start-up.
await buildSplit('index', 'src/action.ts', 'index-chunks')
await buildSplit('cli', 'src/cli.ts', 'cli-chunks')
// The bin entry needs its shebang as the very first line (only the entry: chunks are never run directly).
const cli = await readFile('dist/cli.js', 'utf8')
await writeFile('dist/cli.js', `#!/usr/bin/env node\n${cli}`)
// The CLI is the package's bin: executable, so `npx tailgate` (and ./dist/cli.js) runs it. Git records the mode.
await chmod('dist/cli.js', 0o755)
