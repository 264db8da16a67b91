import type { TokenSubject } from '@inset/node'

/**
 * What every demo token grants: the dashboards, the assistant and downloads (`export`: CSV of
 * tiles). A real host leaves `export` out for users who may not take data away.
 */
export const DEMO_SCOPE = ['dashboard:*', 'assistant', 'export'] as const

/** The demo's signed-in users and what each may see (DESIGN.md, "Sample data and demo"). */
export const DEMO_USERS = {
  alice: { user: 'alice', tenant: 'acme', attributes: { region: ['EU', 'NA', 'APAC'] } },
  bob: { user: 'bob', tenant: 'globex', attributes: { region: ['EU'] } },
} as const satisfies Record<string, TokenSubject>

export type DemoUserName = keyof typeof DEMO_USERS

/** The user the demo signs in when the page names none. */
export const DEFAULT_USER: DemoUserName = 'alice'

/**
 * The subject of a token for a demo user name, or `null` for anyone else. A real host reads its
 * session here; the demo's "session" is the `user` the page passes on from its own URL.
 */
export function demoSubject(name: string | null | undefined): TokenSubject | null {
  const key = name ?? DEFAULT_USER
  if (!Object.hasOwn(DEMO_USERS, key)) return null
  const { user, tenant, attributes } = DEMO_USERS[key as DemoUserName]
  return { user, tenant, attributes: { region: [...attributes.region] }, scope: [...DEMO_SCOPE] }
}
