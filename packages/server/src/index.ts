/** Default port of `inset-server demo` and `start`. */
export const DEFAULT_PORT = 4400
