import { defineInsetVitest } from '@inset/config/vitest'

export default defineInsetVitest()
