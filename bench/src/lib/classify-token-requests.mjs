// How the token-traffic section reads the token requests one page (or one set of tabs) made.

/**
 * Splits token requests ({ at: epoch ms, reason, source }) into the page load and refresh cycles.
 * The load is every request before a refresh can be due (40 % of the lifetime after the first)
 * that core made with reason `initial` (the attribute-only page's token-url carries no reason:
 * there, all of them). After the load, cycle k counts the token sources (named by the page's
 * fetchToken) that made a k-th request. Requests without a source (the attribute-only page) fall
 * into bursts instead: a gap of over a quarter of the lifetime starts the next cycle.
 */
export function classify(requests, ttlSeconds, cycles) {
  const first = Math.min(...requests.map((request) => request.at))
  const loadEnd = first + ttlSeconds * 400
  const isLoad = (request) =>
    request.at < loadEnd && (!request.reason || request.reason === 'initial')
  const later = requests.filter((request) => !isLoad(request)).sort((a, b) => a.at - b.at)
  const load = requests.length - later.length
  if (requests.every((request) => request.source)) {
    const perSource = new Map()
    for (const { source } of later) perSource.set(source, (perSource.get(source) ?? 0) + 1)
    const counts = [...perSource.values()]
    return {
      load,
      cycles: Array.from({ length: cycles }, (_, k) => counts.filter((n) => n > k).length),
    }
  }
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
