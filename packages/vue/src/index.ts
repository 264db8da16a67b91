export type { InsetErrorCode } from '@inset/core'
export { InsetError } from '@inset/core'
