// Series styles of the HTML report: the Okabe–Ito palette (distinguishable with the common colour-vision
// deficiencies), and a second cue that does not rely on colour at all: each role has its own dash and marker.
// https://jfly.uni-koeln.de/color/ (Okabe & Ito, "Color Universal Design", 2008)

/** The Okabe–Ito colours used by the report. */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const

/** What a series is; decides its colour, dash and marker. */
export const SERIES_ROLES = ['baseline', 'candidate', 'history'] as const
export type SeriesRole = (typeof SERIES_ROLES)[number]

export type MarkerShape = 'circle' | 'square' | 'diamond'

export interface SeriesStyle {
  readonly colour: string
  /** SVG stroke-dasharray, or null for a solid line. */
  readonly dash: string | null
  readonly marker: MarkerShape
}

export const SERIES_STYLES = {
  baseline: { colour: OKABE_ITO.blue, dash: '6 3', marker: 'circle' },
  candidate: { colour: OKABE_ITO.vermillion, dash: null, marker: 'square' },
  history: { colour: OKABE_ITO.bluishGreen, dash: '2 2', marker: 'diamond' },
} as const satisfies Record<SeriesRole, SeriesStyle>

/** Colours of the chart furniture: margin and limit lines, error marks, shaded warm-up. */
export const MARK_COLOURS = {
  limit: OKABE_ITO.orange,
  errors: OKABE_ITO.black,
  warmup: '#d9d9d9',
  round: '#8c8c8c',
} as const
