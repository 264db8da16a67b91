// Testing Library cleans up by itself only with vitest globals; this suite imports them instead.
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(cleanup)
