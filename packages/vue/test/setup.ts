// Every wrapper mounted by a test is unmounted after it, so no element or controller outlives it.
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach } from 'vitest'

enableAutoUnmount(afterEach)
