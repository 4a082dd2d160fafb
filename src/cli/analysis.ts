// A chunking hint for esbuild (scripts/build.mjs splits dist/cli.js by what each command's dynamic import reaches).
// Every command module imports this one, so the analysis code they share (result codec and histograms, gate,
// statistics, the text/markdown/JSON/JUnit renderers) is reached by the same set of commands and lands in ONE chunk
// instead of ~20 small ones: Node's ESM loader resolves, reads, compiles and links each file at start-up, and
// `tailgate compare` in a loop over result files pays that on every run (issue 16).
import '../baseline/bundle.js'
import '../config/gate-schema.js'
import '../gate/decide.js'
import '../report/json.js'
import '../report/junit.js'
import '../report/markdown.js'
import '../report/terminal.js'
import '../results/codec.js'
import '../results/provenance.js'
import '../stats/sample-comparison.js'
import './history-files.js'
import './local-report.js'
