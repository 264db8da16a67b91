/** The demo's people: who they are in this app, and which customer of ours they work for. */
export const USERS = {
  alice: { name: 'Alice Martin', initials: 'AM', company: 'Acme Corp', scope: 'All regions' },
  bob: { name: 'Bob Lee', initials: 'BL', company: 'Globex', scope: 'Europe only' },
} as const

export type UserId = keyof typeof USERS

export const DEFAULT_USER: UserId = 'alice'

/** The `user` query parameter of a URL: alice when absent, `null` when it names nobody we know. */
export function userFrom(url: URL): UserId | null {
  const user = url.searchParams.get('user') ?? DEFAULT_USER
  return Object.hasOwn(USERS, user) ? (user as UserId) : null
}
