// How the token-traffic section reads the token requests one page (or one set of tabs) made.

/**
 * Splits token requests ({ at: epoch ms, reason, source }) into the page load and refresh cycles.
 * With sources (the page's fetchToken names each token source): a source's first request with
 * reason `initial` is the load, and cycle k counts the sources that made a k-th request after it
 * (a source whose token lapsed fetches again with reason `initial`: that is traffic too).
 * Without (the attribute-only page's token-url): the load is every request before a refresh can
 * be due, 40 % of the lifetime after the first, and later requests fall into bursts, a gap of over
 * a quarter of the lifetime starting the next cycle.
 */
export function classify(requests, ttlSeconds, cycles) {
  const sorted = [...requests].sort((a, b) => a.at - b.at)
  if (sorted.every((request) => request.source)) {
    const loaded = new Set()
    const perSource = new Map()
    for (const { source, reason } of sorted) {
      if (!loaded.has(source) && reason === 'initial') loaded.add(source)
      else perSource.set(source, (perSource.get(source) ?? 0) + 1)
    }
    const counts = [...perSource.values()]
    return {
      load: loaded.size,
      cycles: Array.from({ length: cycles }, (_, k) => counts.filter((n) => n > k).length),
    }
  }
  const loadEnd = sorted[0].at + ttlSeconds * 400
  const load = sorted.filter((request) => request.at < loadEnd).length
  const later = sorted.filter((request) => request.at >= loadEnd)
  const bursts = []
  for (const { at } of later) {
    const last = bursts.at(-1)
    if (last && at - last.end <= ttlSeconds * 250) {
      last.count++
      last.end = at
    } else bursts.push({ count: 1, end: at })
  }
  const perCycle = bursts.slice(0, cycles).map((burst) => burst.count)
  return { load, cycles: [...perCycle, ...Array(cycles - perCycle.length).fill(0)] }
}
