export type { InsetErrorCode } from './errors'
export { INSET_ERROR_CODES, InsetError, isInsetErrorCode } from './errors'
export type * from './wire'
