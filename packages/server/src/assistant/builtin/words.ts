// Word handling of the built-in engine: tokens, plural forms and the words that carry no meaning
// for a query ("what", "did", "we", "show me").

/** A word of the question with its place, in matching form and as written. */
export interface Token {
  norm: string
  raw: string
  start: number
  end: number
}

/** Lower-case words split on anything but letters and digits; `region's` gives `region`, `s`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    tokens.push({
      norm: match[0].toLowerCase(),
      raw: match[0],
      start: match.index,
      end: match.index + match[0].length,
    })
  }
  return tokens
}

/** A phrase in matching form: `SSO Add-on` → `sso add on`. */
export function normalizePhrase(text: string): string {
  return tokenize(text.normalize('NFKC'))
    .map((token) => token.norm)
    .join(' ')
}

const IRREGULAR_PLURALS: Record<string, string> = { person: 'people', child: 'children' }

/** `category` → `categories`, `box` → `boxes`, `region` → `regions` (last word of a phrase). */
export function pluralize(phrase: string): string {
  const words = phrase.split(' ')
  const last = words.pop() ?? ''
  let plural: string
  if (IRREGULAR_PLURALS[last]) plural = IRREGULAR_PLURALS[last]
  else if (/[^aeiou]y$/.test(last)) plural = `${last.slice(0, -1)}ies`
  else if (/(s|x|z|ch|sh)$/.test(last)) plural = `${last}es`
  else plural = `${last}s`
  return [...words, plural].join(' ')
}

/** `categories` → `category`, `regions` → `region`; undefined when the phrase is not plural. */
export function singularize(phrase: string): string | undefined {
  const words = phrase.split(' ')
  const last = words.pop() ?? ''
  let singular: string | undefined
  if (/[^aeiou]ies$/.test(last)) singular = `${last.slice(0, -3)}y`
  else if (/(ss|x|z|ch|sh)es$/.test(last)) singular = last.slice(0, -2)
  else if (/[^s]s$/.test(last) && last.length > 3) singular = last.slice(0, -1)
  return singular === undefined ? undefined : [...words, singular].join(' ')
}

/** Numbers written as words, for "top five products" and "last thirty days". */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  sixty: 60,
  ninety: 90,
  hundred: 100,
}

/** The number a token stands for (`5`, `five`), or undefined. */
export function numberOf(token: string): number | undefined {
  if (/^\d{1,6}$/.test(token)) return Number(token)
  return NUMBER_WORDS[token]
}

/** Words that carry no meaning for the query. A question made only of them is not understood. */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  `a about above across all also altogether am an and any are as at be been being break breakdown
  broken by can could data did do does done down during each earn earned every figure figures find
  for from generate generated get give grouped group had has have how i in into is it its just let
  list look made make me much my numbers of on or our over overall per please s see separately show
  showing sold sell selling split tell than that the their them there these this those to up us was
  we were what whats where which who whole will with within would you your yours okay ok hi hey
  bring brought happen happened come came stats statistics report summary summarize summarise
  chart graph plot table display shown got need want like know now same then but only instead again
  bought buy buying purchased ordered placed spent spend sells
  d ll ve re m t pull pulled bringing brings coming comes through gotten getting gets far so
  roughly approximately approx around about quick quickly curious wondering wonder check kind sort
  seeing seen looking looked move moved moving thanks thank kindly really actually currently
  maybe possible may might should go going went doing makes making earning earns generating
  generates is are was were been
  like lets much many`.split(/\s+/),
)

/** Set phrases that carry no meaning either, though their words alone might ("by the way"). */
export const FILLER_PHRASES: readonly string[] = [
  'out of curiosity',
  'out of interest',
  'by the way',
  'if possible',
  'if you can',
  'for the record',
]

/**
 * Words before a name or a field: an unknown word right after them names something the data does
 * not have ("revenue for initech", "revenue by salesperson"), so the question is refused with that
 * reason instead of being answered without it.
 */
export const SLOT_BEFORE: Readonly<Record<string, 'value' | 'field' | 'measure'>> = {
  for: 'value',
  in: 'value',
  from: 'value',
  of: 'value',
  at: 'value',
  excluding: 'value',
  except: 'value',
  without: 'value',
  vs: 'value',
  versus: 'value',
  than: 'value',
  named: 'value',
  called: 'value',
  only: 'value',
  by: 'field',
  per: 'field',
  each: 'field',
  across: 'field',
  average: 'measure',
  avg: 'measure',
  mean: 'measure',
  total: 'measure',
  sum: 'measure',
  median: 'measure',
  // After an auxiliary comes the subject: "how many orders did initech have" names someone.
  did: 'value',
  does: 'value',
  do: 'value',
  has: 'value',
  have: 'value',
  had: 'value',
  is: 'value',
  was: 'value',
  were: 'value',
  are: 'value',
  will: 'value',
}

/** Words skipped when looking for the word before an unknown one ("for the initech tenant"). */
export const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an', 'our', 'my', 'all', 'any'])

/** Words that open a follow-up to the previous question ("what about NA?", "and by month"). */
export const FOLLOW_UP_OPENERS: readonly string[] = [
  'and',
  'what about',
  'how about',
  'now',
  'same',
  'also',
  'then',
  'but',
  'only',
  'just',
  'instead',
]
