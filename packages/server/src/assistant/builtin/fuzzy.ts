// Fuzzy matching of misspelt words against the vocabulary ("revnue" → revenue, "regoin" → region),
// with fastest-levenshtein's edit distance; a swap of two neighbouring letters counts as one edit.
import { distance } from 'fastest-levenshtein'

/** Edit distance where swapping two neighbouring letters is one edit ("regoin" → "region": 1). */
export function editDistance(a: string, b: string): number {
  const plain = distance(a, b)
  if (plain !== 2 || a.length !== b.length) return plain
  const differ: number[] = []
  for (let i = 0; i < a.length && differ.length <= 2; i++) if (a[i] !== b[i]) differ.push(i)
  const [i, j] = differ
  const swapped =
    differ.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i]
  return swapped ? 1 : plain
}

/** The most edits a word of this length may have and still be read as a known word, unasked. */
export function confidentEdits(length: number): number {
  if (length < 4) return 0
  return length < 8 ? 1 : 2
}

/** The most edits for a "did you mean" suggestion. */
export function suggestionEdits(length: number): number {
  if (length < 4) return 0
  return length < 6 ? 1 : length < 9 ? 2 : 3
}

export interface FuzzyMatch {
  /** The known words at the smallest distance, in the order given. */
  words: string[]
  distance: number
}

/** The known words closest to `word` within `maxEdits`, or undefined. */
export function closestWords(
  word: string,
  known: Iterable<string>,
  maxEdits: number,
): FuzzyMatch | undefined {
  if (maxEdits <= 0) return undefined
  let best: FuzzyMatch | undefined
  for (const candidate of known) {
    // Lengths that differ by more than maxEdits cannot be within it.
    if (Math.abs(candidate.length - word.length) > maxEdits) continue
    const d = editDistance(word, candidate)
    if (d > maxEdits) continue
    if (!best || d < best.distance) best = { words: [candidate], distance: d }
    else if (d === best.distance && !best.words.includes(candidate)) best.words.push(candidate)
  }
  return best
}

/**
 * The known word a misspelt one stands for, when there is exactly one close enough to be sure:
 * `correct('revnue', words)` → `revenue`. Undefined when none or several are that close.
 */
export function correct(
  word: string,
  known: Iterable<string>,
  preferred?: ReadonlySet<string>,
): string | undefined {
  const match = closestWords(word, known, confidentEdits(word.length))
  if (!match) return undefined
  let words = match.words
  // Four letters are too few to be sure of a substitution: only a dropped letter or a swap.
  if (word.length === 4)
    words = words.filter((w) => w.length === 5 || (w.length === 4 && distance(w, word) === 2))
  if (words.length > 1 && preferred) {
    // A tie between a name of the data and a word of time expressions goes to the name.
    const names = words.filter((w) => preferred.has(w))
    if (names.length) words = names
  }
  if (words.length > 1) {
    // Then to a dropped letter, the commonest slip ("monthy" is "monthly" rather than "month").
    const longer = words.filter((w) => w.length === word.length + 1)
    if (longer.length) words = longer
  }
  return words.length === 1 ? words[0] : undefined
}
