import type { DatasetModel, DimensionModel, MeasureModel, TimeGrain } from '../../semantic/model'
import {
  FILLER_PHRASES,
  FILLER_WORDS,
  normalizePhrase,
  pluralize,
  singularize,
  type Token,
} from './words'

/** Words with a fixed role in questions, whatever the dataset. */
export type Keyword =
  | 'top'
  | 'bottom'
  | 'compare'
  | 'count'
  | 'average'
  | 'exclude'
  | 'total'
  | 'trend'
  | 'share'
  | 'growth'

/** What a phrase of the question means. */
export type Term =
  | { kind: 'measure'; measure: MeasureModel }
  | { kind: 'dimension'; dimension: DimensionModel; plural: boolean }
  | { kind: 'value'; dimension: DimensionModel; value: string | number }
  | { kind: 'grain'; grain: TimeGrain; plural: boolean }
  | { kind: 'keyword'; keyword: Keyword }
  | { kind: 'filler' }

interface Entry {
  term: Term
  /** Higher wins when two terms share a phrase. */
  rank: number
  /** Matches only when written exactly so (short codes that are also words: `IN`, `US`, `IT`). */
  exact?: string
}

/** The phrases of a dataset the parser recognises, longest first. */
export interface Vocabulary {
  match(tokens: readonly Token[], at: number): { term: Term; length: number } | undefined
  /** True when the words also name the dataset itself ("orders" of an `orders` dataset). */
  namesDataset(words: string): boolean
  /** Measures by label, for answers. */
  dataset: DatasetModel
  /** Every word of a phrase with a meaning (not filler): what a misspelt word may stand for. */
  contentWords: ReadonlySet<string>
  /** The words of measures, dimensions and values (not of time expressions or keywords). */
  nameWords: ReadonlySet<string>
  /** True when a word is part of any phrase of the vocabulary (fillers too). */
  knows(word: string): boolean
  /** Names to suggest for an unknown word, by what it stands in for. */
  names: { value: string[]; field: string[]; measure: string[] }
}

const KEYWORDS: Record<string, Keyword> = {
  top: 'top',
  best: 'top',
  highest: 'top',
  most: 'top',
  biggest: 'top',
  largest: 'top',
  greatest: 'top',
  leading: 'top',
  maximum: 'top',
  max: 'top',
  'best performing': 'top',
  'best selling': 'top',
  bottom: 'bottom',
  worst: 'bottom',
  lowest: 'bottom',
  least: 'bottom',
  smallest: 'bottom',
  fewest: 'bottom',
  minimum: 'bottom',
  min: 'bottom',
  'worst performing': 'bottom',
  compare: 'compare',
  compared: 'compare',
  comparison: 'compare',
  comparing: 'compare',
  vs: 'compare',
  versus: 'compare',
  against: 'compare',
  'how many': 'count',
  'number of': 'count',
  'count of': 'count',
  count: 'count',
  average: 'average',
  avg: 'average',
  mean: 'average',
  excluding: 'exclude',
  exclude: 'exclude',
  except: 'exclude',
  without: 'exclude',
  not: 'exclude',
  'other than': 'exclude',
  'apart from': 'exclude',
  total: 'total',
  combined: 'total',
  together: 'total',
  'in total': 'total',
  sum: 'total',
  trend: 'trend',
  trends: 'trend',
  timeline: 'trend',
  'over time': 'trend',
  evolution: 'trend',
  share: 'share',
  shares: 'share',
  percentage: 'share',
  percentages: 'share',
  percent: 'share',
  pct: 'share',
  proportion: 'share',
  fraction: 'share',
  portion: 'share',
  'what part': 'share',
  mix: 'share',
  grow: 'growth',
  grew: 'growth',
  grown: 'growth',
  growing: 'growth',
  growth: 'growth',
  'growth rate': 'growth',
  'rate of growth': 'growth',
  'rate of change': 'growth',
  change: 'growth',
  changed: 'growth',
  changes: 'growth',
  increase: 'growth',
  increased: 'growth',
  decrease: 'growth',
  decreased: 'growth',
  decline: 'growth',
  declined: 'growth',
  drop: 'growth',
  dropped: 'growth',
  fall: 'growth',
  fell: 'growth',
  rise: 'growth',
  rose: 'growth',
  difference: 'growth',
  delta: 'growth',
  'went up': 'growth',
  'went down': 'growth',
  'go up': 'growth',
  'go down': 'growth',
}

/**
 * Everyday names of countries whose ISO codes differ from how people say them (Intl names the rest:
 * "Germany" for `DE`). Applied only to codes the asker may see.
 */
const COUNTRY_ALIASES: Record<string, string[]> = {
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain', 'England', 'the United Kingdom'],
  US: ['USA', 'U.S.', 'U.S.A.', 'the States', 'America', 'United States of America'],
  NL: ['Holland', 'the Netherlands'],
  KR: ['Korea', 'Republic of Korea'],
  AE: ['UAE', 'Emirates'],
  CZ: ['Czech Republic'],
  CH: ['Swiss'],
}

const GRAINS: Record<string, TimeGrain> = {
  day: 'day',
  daily: 'day',
  week: 'week',
  weekly: 'week',
  month: 'month',
  monthly: 'month',
  quarter: 'quarter',
  quarterly: 'quarter',
  year: 'year',
  yearly: 'year',
  annual: 'year',
  annually: 'year',
}

/** Words of time expressions (read before the vocabulary), so that misspellings of them are read too. */
const TIME_WORDS: ReadonlySet<string> = new Set(
  `january february march april june july august september october november december
  last this next past previous prior current today yesterday since between until before after
  quarter quarters month months week weeks year years day days ytd mtd qtd`.split(/\s+/),
)

const MONEY_WORDS = ['money', 'cash', 'dollars', 'euros', 'pounds', 'bucks']

const RANK = { filler: 0, dataset: 1, keyword: 2, dimension: 3, grain: 4, measure: 5, value: 6 }
// Short codes that are also English words match only as written.
const CASE_SENSITIVE_BELOW = 4

function namesOf(described: { name: string; label: string; synonyms: string[] }): string[] {
  return [described.name.replace(/_/g, ' '), described.label, ...described.synonyms]
}

/** Country names for two-letter region codes ("Germany" for `DE`), when the runtime knows them. */
function countryNames(values: ReadonlyArray<string | number>): Map<string, string> {
  const names = new Map<string, string>()
  if (!values.length || !values.every((v) => typeof v === 'string' && /^[A-Z]{2}$/.test(v)))
    return names
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })
  for (const code of values as string[]) {
    const name = display.of(code)
    if (name) names.set(name, code)
  }
  return names
}

/**
 * Builds the vocabulary of a dataset: its measures, dimensions and their synonyms (with plural and
 * singular forms), the values of its dimensions the asker may see, time grains and keywords.
 *
 * @example
 * const vocabulary = buildVocabulary(model.datasets.orders, { region: ['EU'] })
 */
export function buildVocabulary(
  dataset: DatasetModel,
  values: Readonly<Record<string, ReadonlyArray<string | number>>>,
): Vocabulary {
  // Several meanings per phrase, best first; a case-sensitive one may not apply.
  const entries = new Map<string, Entry[]>()
  let longest = 1
  const add = (phrase: string, term: Term, rank: number, variant = false, exact?: string) => {
    const key = normalizePhrase(phrase)
    if (!key) return
    // An exact phrase beats a plural/singular variant of another; then the higher rank wins.
    const entry: Entry = {
      term,
      rank: rank + (variant ? 0 : 10),
      ...(exact !== undefined && { exact }),
    }
    const list = entries.get(key) ?? []
    list.push(entry)
    list.sort((a, b) => b.rank - a.rank)
    entries.set(key, list)
    longest = Math.max(longest, key.split(' ').length)
  }
  const addWithForms = (phrase: string, term: Term, rank: number) => {
    const key = normalizePhrase(phrase)
    const singular = singularize(key)
    add(key, withPlural(term, singular !== undefined), rank)
    if (singular) add(singular, withPlural(term, false), rank, true)
    else add(pluralize(key), withPlural(term, true), rank, true)
  }

  for (const word of FILLER_WORDS) add(word, { kind: 'filler' }, RANK.filler)
  for (const phrase of FILLER_PHRASES) add(phrase, { kind: 'filler' }, RANK.filler)
  for (const name of namesOf(dataset)) addWithForms(name, { kind: 'filler' }, RANK.dataset)
  for (const [phrase, keyword] of Object.entries(KEYWORDS))
    add(phrase, { kind: 'keyword', keyword }, RANK.keyword)
  for (const dimension of Object.values(dataset.dimensions)) {
    for (const name of namesOf(dimension))
      addWithForms(name, { kind: 'dimension', dimension, plural: false }, RANK.dimension)
  }
  for (const [word, grain] of Object.entries(GRAINS)) {
    add(word, { kind: 'grain', grain, plural: false }, RANK.grain)
    if (!word.endsWith('ly') && word !== 'annual')
      add(pluralize(word), { kind: 'grain', grain, plural: true }, RANK.grain)
  }
  for (const measure of Object.values(dataset.measures)) {
    for (const name of namesOf(measure)) {
      addWithForms(name, { kind: 'measure', measure }, RANK.measure)
      // "avg order" for "average order".
      if (/\baverage\b/i.test(name))
        addWithForms(
          name.replace(/\baverage\b/gi, 'avg'),
          { kind: 'measure', measure },
          RANK.measure,
        )
    }
  }
  for (const dimension of Object.values(dataset.dimensions)) {
    if (dimension.type === 'time') continue
    const known = [...new Set([...(dimension.values ?? []), ...(values[dimension.name] ?? [])])]
    for (const value of known) {
      // Numbers stay numbers ("top 5"); only text values are words of the vocabulary.
      if (typeof value !== 'string') continue
      const text = value
      const key = normalizePhrase(text)
      const exact = text.length < CASE_SENSITIVE_BELOW && FILLER_WORDS.has(key) ? text : undefined
      add(text, { kind: 'value', dimension, value }, RANK.value, false, exact)
    }
    const names = countryNames(known)
    for (const [name, code] of names)
      add(name, { kind: 'value', dimension, value: code }, RANK.value)
    if (names.size > 0) {
      for (const [code, aliases] of Object.entries(COUNTRY_ALIASES)) {
        if (!known.includes(code)) continue
        for (const alias of aliases)
          add(alias, { kind: 'value', dimension, value: code }, RANK.value)
      }
    }
    // Everyday names declared in the model: `valueSynonyms: { EU: ['Europe'] }`.
    for (const [value, synonyms] of Object.entries(dimension.valueSynonyms ?? {})) {
      if (!known.includes(value)) continue
      for (const synonym of synonyms) add(synonym, { kind: 'value', dimension, value }, RANK.value)
    }
  }

  // Everyday words for money name the first currency total ("which region brings in the most money").
  const money = Object.values(dataset.measures).find(
    (m) => m.aggregation === 'sum' && m.format === 'currency',
  )
  if (money)
    for (const word of MONEY_WORDS)
      add(word, { kind: 'measure', measure: money }, RANK.dataset, true)

  const datasetWords = new Set(
    namesOf(dataset).flatMap((name) => {
      const key = normalizePhrase(name)
      return [key, singularize(key) ?? pluralize(key)]
    }),
  )
  const contentWords = new Set<string>()
  const nameWords = new Set<string>()
  const allWords = new Set<string>()
  const names = { value: [] as string[], field: [] as string[], measure: [] as string[] }
  for (const [key, list] of entries) {
    const words = key.split(' ')
    for (const word of words) allWords.add(word)
    const term = list[0]?.term
    if (!term || term.kind === 'filler') continue
    for (const word of words) if (word.length >= 3) contentWords.add(word)
    if (term.kind === 'value' || term.kind === 'measure' || term.kind === 'dimension')
      for (const word of words) if (word.length >= 3) nameWords.add(word)
    if (term.kind === 'value') names.value.push(key)
    if (term.kind === 'dimension') names.field.push(key)
    if (term.kind === 'measure') names.measure.push(key)
  }
  for (const word of TIME_WORDS) contentWords.add(word)
  return {
    dataset,
    contentWords,
    nameWords,
    names,
    knows: (word) => allWords.has(word) || TIME_WORDS.has(word),
    namesDataset: (words) => datasetWords.has(normalizePhrase(words)),
    match(tokens, at) {
      for (let length = Math.min(longest, tokens.length - at); length > 0; length--) {
        const slice = tokens.slice(at, at + length)
        const written = slice.map((t) => t.raw).join(' ')
        const entry = entries
          .get(slice.map((t) => t.norm).join(' '))
          ?.find((candidate) => candidate.exact === undefined || candidate.exact === written)
        // A short code in capitals ("US", "IT") that the asker's data lacks is a name, not the
        // word "us" or "it": left unknown, never read as filler.
        if (entry?.term.kind === 'filler' && length === 1 && /^[A-Z]{2,3}$/.test(written)) continue
        if (entry) return { term: entry.term, length }
      }
      return undefined
    },
  }
}

function withPlural(term: Term, plural: boolean): Term {
  return term.kind === 'dimension' || term.kind === 'grain' ? { ...term, plural } : term
}
