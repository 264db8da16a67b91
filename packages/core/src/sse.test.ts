import { describe, expect, it } from 'vitest'
import { createSseParser } from './sse'

function parse(chunks: string[]) {
  const events: Array<[string, string]> = []
  const feed = createSseParser((event, data) => events.push([event, data]))
  for (const chunk of chunks) feed(chunk)
  return events
}

const stream =
  'event: text\ndata: {"delta":"a"}\n\n' +
  ': keep-alive\n\n' +
  'event: result\r\ndata: line one\r\ndata:line two\r\n\r\n' +
  'data: no name\rid: 7\rretry: 100\r\r' +
  'event: empty\n\n' +
  'event: done\ndata\n\n' +
  'event: unfinished\ndata: {"x":1}\n'

const expected: Array<[string, string]> = [
  ['text', '{"delta":"a"}'],
  ['result', 'line one\nline two'],
  ['message', 'no name'],
  ['done', ''],
]

describe('createSseParser', () => {
  it('parses LF, CRLF and CR line ends, comments, multi-line data and defaults', () => {
    expect(parse([stream])).toEqual(expected)
  })

  it('gives the same events for a stream split at every position', () => {
    for (let at = 0; at <= stream.length; at++) {
      expect(parse([stream.slice(0, at), stream.slice(at)])).toEqual(expected)
    }
  })

  it('gives the same events fed one character at a time', () => {
    expect(parse([...stream])).toEqual(expected)
  })

  it('dispatches nothing for an event without its blank line', () => {
    expect(parse(['event: text\ndata: {}'])).toEqual([])
  })

  it('keeps line and paragraph separators (U+2028, U+2029) inside a value', () => {
    expect(parse(['data: a\u2028b\u2029c\n\n'])).toEqual([['message', 'a\u2028b\u2029c']])
  })
})
