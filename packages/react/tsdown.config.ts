import { defineInsetLibrary } from '@inset/config/tsdown'

// The components use hooks and the DOM: React Server Components must treat the entry as client code.
export default defineInsetLibrary({ platform: 'browser', banner: { js: "'use client'" } })
