// "Did you mean …?" suggestions for misspelt keys, model names and template variables (Levenshtein distance).

/**
 * Levenshtein edit distance between two strings (insertions, deletions, substitutions each cost 1).
 * O(a × b) time, O(b) memory.
 * @example editDistance('duraton', 'duration') // => 1
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] as number
}

/**
 * The closest candidate to `word`, when it is close enough to be a likely typo (distance at most a third of the
 * word's length, and at least 1 allowed); undefined otherwise.
 * @example closestMatch('duraton', ['duration', 'warmup']) // => 'duration'
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3))
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return bestDistance <= limit ? best : undefined
}
