/**
 * An incremental `text/event-stream` parser: feed it decoded text in chunks of any size; it
 * calls `onEvent` for each complete event (https://html.spec.whatwg.org/#event-stream-interpretation).
 *
 * @example
 * const feed = createSseParser((event, data) => console.log(event, data))
 * feed('event: text\ndata: {"delta":"Hi"}\n\n')
 */
export function createSseParser(
  onEvent: (event: string, data: string) => void,
): (chunk: string) => void {
  let buffer = ''
  let event = ''
  let data: string[] = []

  function line(text: string) {
    if (!text) {
      if (data.length) onEvent(event || 'message', data.join('\n'))
      event = ''
      data = []
      return
    }
    const colon = text.indexOf(':')
    if (colon === 0) return
    const field = colon < 0 ? text : text.slice(0, colon)
    let value = colon < 0 ? '' : text.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') event = value
    else if (field === 'data') data.push(value)
  }

  return (chunk) => {
    buffer += chunk
    for (;;) {
      const end = buffer.search(/[\r\n]/)
      // A trailing CR may be the first half of CRLF: wait for the next chunk.
      if (end < 0 || (buffer[end] === '\r' && end === buffer.length - 1)) return
      line(buffer.slice(0, end))
      buffer = buffer.slice(end + (buffer[end] === '\r' && buffer[end + 1] === '\n' ? 2 : 1))
    }
  }
}
