/** The JWT audience every Inset embed token carries. */
export const INSET_AUDIENCE = 'inset'
