// The report's stylesheet: our own constant CSS (no data in it), inlined in the page. Light and dark schemes,
// visible keyboard focus, print-friendly, and tables that scroll on narrow screens.
import { MARK_COLOURS, SERIES_ROLES, SERIES_STYLES } from './palette.js'
import { WEIGHT_CLASS, WEIGHT_WIDTH } from './svg-parts.js'

/** Each role's colour and dash, on its lines, markers, intervals and legend entries (the chart markup has classes only). */
const SERIES_CSS = [
  ...SERIES_ROLES.map((role) => {
    const { colour, dash } = SERIES_STYLES[role]
    const stroke = `stroke:${colour}${dash === null ? '' : `;stroke-dasharray:${dash}`}`
    return `svg.chart .s-${role} .ln{${stroke}}svg.chart .s-${role} .interval{stroke:${colour}}svg.chart .s-${role} .markers{fill:${colour}}`
  }),
  `svg.chart .s-limit .ln{stroke:${MARK_COLOURS.limit};stroke-dasharray:4 3}`,
  ...Object.entries(WEIGHT_CLASS).map(
    ([weight, name]) => `svg.chart .${name}{stroke-width:${WEIGHT_WIDTH[weight as keyof typeof WEIGHT_WIDTH]}}`,
  ),
].join('\n')

export const REPORT_CSS = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#fff;--panel:#f6f8fa;--line:#d0d7de;--focus:#0072B2}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9ea7b3;--bg:#0d1117;--panel:#161b22;--line:#30363d;--focus:#56B4E9}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1rem 1.25rem 3rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--focus)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.25rem .5rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{border-bottom:1px solid var(--line);padding-bottom:.25rem;margin-top:2rem}
h3{margin:1.5rem 0 .5rem;word-break:break-word}
.headline{font-size:1.1rem;font-weight:600}
.notice{border-left:4px solid ${MARK_COLOURS.limit};background:var(--panel);padding:.5rem .75rem;margin:.5rem 0}
nav ol{columns:2 18rem;padding-left:1.25rem}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.2rem .5rem;text-align:left;vertical-align:top}
td.num,table.n td{text-align:right;white-space:nowrap}
thead th{background:var(--panel)}
.name{word-break:break-word;max-width:28rem}
figure{margin:1rem 0;padding:.5rem;border:1px solid var(--line);border-radius:6px}
figcaption{color:var(--muted);font-size:.9rem}
.chart-box{max-width:640px}
svg.chart{width:100%;height:auto;display:block;font:11px system-ui,sans-serif}
svg.chart text{fill:var(--fg)}
svg.chart .tick,svg.chart .axis-label{text-anchor:middle}svg.chart .ty,svg.chart .row-label{text-anchor:end}
svg.chart .ln,svg.chart .interval{fill:none}svg.chart .interval{stroke-width:2}svg.chart[data-chart=rounds] .markers{fill-opacity:.8}
${SERIES_CSS}
svg.chart .axis{stroke:var(--muted);fill:none}
svg.chart .grid{stroke:var(--line);fill:none}
svg.chart .band{fill:${MARK_COLOURS.warmup};fill-opacity:.5}
svg.chart .vertical{stroke:${MARK_COLOURS.round};stroke-dasharray:1 3;fill:none}
svg.chart .reference{stroke:var(--muted);stroke-width:1.5;fill:none}
svg.chart .limit{stroke:${MARK_COLOURS.limit};stroke-width:2;stroke-dasharray:4 3;fill:none}
svg.chart .error-mark{fill:var(--fg)}
details.numbers summary{cursor:pointer;color:var(--muted)}
.verdict-list li{margin:.2rem 0}
footer{margin-top:3rem;color:var(--muted);font-size:.85rem}
@media print{details{display:block}details>*{display:block}.skip,nav{display:none}}
`
