import { defineInsetLibrary } from '@inset/config/tsdown'

export default defineInsetLibrary()
