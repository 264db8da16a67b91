import { describe, expect, it } from 'vitest'
import { compileOrigins } from './origins'

describe('compileOrigins', () => {
  it.each([
    [['https://app.example.com'], 'https://app.example.com', true],
    [['https://app.example.com'], 'HTTPS://APP.EXAMPLE.COM', true],
    [['https://app.example.com'], 'https://app.example.com:8443', false],
    [['https://app.example.com'], 'http://app.example.com', false],
    [['https://app.example.com'], 'https://app.example.com.evil.com', false],
    [['https://app.example.com'], 'https://evilapp.example.com', false],
    [['https://app.example.com'], 'https://appXexample.com', false],
    [['http://localhost:*'], 'http://localhost:5173', true],
    [['http://localhost:*'], 'http://localhost', true],
    [['http://localhost:*'], 'http://localhost:123456', false],
    [['http://localhost:*'], 'http://localhost.evil.com:80', false],
    [['http://localhost:*'], 'http://localhost:80/path', false],
    [['https://*.example.com'], 'https://a.example.com', true],
    [['https://*.example.com'], 'https://a.b.example.com', true],
    [['https://*.example.com'], 'https://example.com', false],
    [['https://*.example.com'], 'https://a.example.com.evil.com', false],
    [['https://*.example.com'], 'https://a_b.example.com', false],
    [['https://*.example.com'], 'https://evil.com/.example.com', false],
    [['*'], 'https://anything.test', true],
    [['https://a.test', '*'], 'https://b.test', true],
    [[], 'https://a.test', false],
    [['https://a.test', 'https://b.test'], 'https://b.test', true],
  ] as const)('%j allows %s: %s', (patterns, origin, allowed) => {
    expect(compileOrigins(patterns)(origin)).toBe(allowed)
  })
})
