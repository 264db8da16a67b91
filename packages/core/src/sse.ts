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
  return (chunk) => {
    // Lines end with CRLF, LF or CR; a CR at the very end may be the first half of a CRLF, so it
    // stays in the buffer with the unfinished last line until the next chunk.
    const lines = (buffer + chunk).split(/\r\n|\r(?!$)|\n/)
    buffer = lines.pop()!
    for (const line of lines) {
      if (line) {
        // `field: value`, `field:value` or a bare `field`; a leading colon is a comment.
        const [, field, value] = /^([^:]*):? ?(.*)/s.exec(line)!
        if (field === 'event') event = value!
        else if (field === 'data') data.push(value!)
      } else {
        if (data.length) onEvent(event || 'message', data.join('\n'))
        event = ''
        data = []
      }
    }
  }
}
