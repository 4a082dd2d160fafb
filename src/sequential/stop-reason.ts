// rounds: auto: the one sentence the report gives on how many rounds a run took and why it stopped.
import type { SequentialSummary } from '../gate/types.js'

/** Why a rounds: auto run stopped, with its rounds, looks and planned horizon. */
export function reasonOf(
  stopped: SequentialSummary['stopped'],
  n: number,
  looks: number,
  horizon: number,
  live: boolean,
): string {
  const what = `${n} ${live ? 'A/B pairs' : 'rounds'} (${looks} look${looks === 1 ? '' : 's'}, up to ${horizon} planned)`
  switch (stopped) {
    case 'decided':
      return `rounds: auto stopped after ${what}: every gated comparison was decided.`
    case 'max-rounds':
      return `rounds: auto stopped after ${what}: the planned rounds were measured; an undecided comparison is a pass when it shows no regression and resolves the margin, else inconclusive.`
    case 'max-duration':
      return `rounds: auto stopped after ${what}: max-duration left no room for another round; an undecided comparison is a pass when it shows no regression and resolves the margin, else inconclusive.`
    case 'stopped':
      return `rounds: auto was stopped after ${what}.`
    case 'nothing-to-decide':
      return `rounds: auto stopped after ${what}: no comparison to decide (no baseline data or invalid endpoints).`
  }
}
