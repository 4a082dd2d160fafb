// What the browser test reads from a rendered report, collected inside the page (runs in Chromium, not in Node).
// Typed loosely on purpose: the project compiles without the DOM library, and this function only reads.

export interface ChartProbe {
  readonly kind: string
  readonly visible: boolean
  readonly series: readonly { readonly name: string; readonly drawn: boolean }[]
}

export interface PageProbe {
  readonly verdict: string
  readonly headline: string
  readonly status: string
  readonly notices: readonly string[]
  readonly summaryRows: number
  readonly endpointSections: number
  readonly endpointNames: readonly string[]
  readonly charts: readonly ChartProbe[]
  readonly figures: number
  readonly figuresWithTable: number
  /** Elements that would run or load something if data had become markup. */
  readonly activeElements: number
  readonly eventHandlerAttributes: number
  readonly title: string
}

/** The few DOM members the probes use (the project compiles without the DOM library). */
export interface ProbeElement {
  readonly tagName: string
  readonly id: string
  readonly className: string
  readonly textContent: string | null
  readonly attributes: ArrayLike<{ readonly name: string }>
  getAttribute(name: string): string | null
  querySelector(selector: string): ProbeElement | null
  querySelectorAll(selector: string): ArrayLike<ProbeElement>
  getBoundingClientRect(): { readonly width: number }
  getBBox(): { readonly width: number; readonly height: number }
}

export interface ProbeDocument extends ProbeElement {
  readonly title: string
  readonly activeElement: ProbeElement | null
}

/** Runs in the page: `page.evaluate(probePage)`. Self-contained: it is serialised into the page. */
export function probePage(): PageProbe {
  const doc = (globalThis as unknown as { document: ProbeDocument }).document
  const text = (selector: string): string => doc.querySelector(selector)?.textContent?.trim() ?? ''
  const all = (selector: string, root: ProbeElement = doc): ProbeElement[] =>
    Array.from(root.querySelectorAll(selector))
  const charts = all('svg.chart').map((svg) => ({
    kind: svg.getAttribute('data-chart') ?? '',
    visible: svg.getBoundingClientRect().width > 0,
    series: all('g.series', svg).map((g) => {
      const box = g.getBBox()
      return { name: g.getAttribute('data-series') ?? '', drawn: box.width > 0 || box.height > 0 }
    }),
  }))
  const figures = all('figure')
  return {
    verdict: text('#verdict'),
    headline: text('#headline'),
    status: text('#status'),
    notices: all('[data-notice]').map((n) => n.textContent ?? ''),
    summaryRows: all('#summary-table tbody tr').length,
    endpointSections: all('section.endpoint').length,
    endpointNames: all('section.endpoint h3 .name').map((n) => n.textContent ?? ''),
    charts,
    figures: figures.length,
    figuresWithTable: figures.filter((f) => f.querySelector('table tbody tr') !== null).length,
    activeElements: all('script, img, iframe, object, embed, link, form, input').length,
    eventHandlerAttributes: all('*').filter((el) => Array.from(el.attributes).some((a) => /^on/i.test(a.name))).length,
    title: doc.title,
  }
}
