import type { DashboardSummary, Page, TokenResponse } from '@inset/core'
import { z } from 'zod'
import { type MintOptions, mintEmbedToken } from '../../auth/mint-embed-token'
import { badRequest } from '../../errors'
import type { AppContext } from '../app-env'
import { audited } from '../audited'
import { readJsonBody } from '../read-json'

// The body's shape only: what each field may hold (limits, attribute values, scope grammar, the
// ttl grammar) is the embed-token contract's (`@inset/node/contract`), checked by mintEmbedToken,
// the same rules @inset/node applies and the verifier enforces.
const createTokenSchema = z.strictObject({
  user: z.unknown(),
  tenant: z.unknown(),
  attributes: z.unknown().optional(),
  scope: z.unknown().optional(),
  ttl: z.unknown().optional(),
  embedKey: z.string().max(200).optional(),
})

function issueMessage(error: z.ZodError): string {
  const issue = error.issues[0]
  return `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`
}

/** `POST /v1/tokens` (admin) → `{ token, expiresAt }`, signed with an HS256 embed key. */
export async function createToken(c: AppContext): Promise<Response> {
  const runtime = c.get('runtime')
  const parsed = createTokenSchema.safeParse(await readJsonBody(c))
  if (!parsed.success) throw badRequest(issueMessage(parsed.error))
  const body = parsed.data
  const response = await audited<TokenResponse>(
    c,
    {
      kind: 'admin',
      subject: `api-key:${c.get('apiKeyName')}`,
      tenant: typeof body.tenant === 'string' ? body.tenant.slice(0, 256) : null,
      okStatus: 201,
    },
    async () => {
      const embedKey = body.embedKey
        ? runtime.keyring.get(body.embedKey)
        : runtime.keyring.defaultSigningKey()
      if (!embedKey)
        throw badRequest(
          body.embedKey
            ? `embedKey: unknown embed key "${body.embedKey}"`
            : 'no embed key with an HS256 secret is configured',
        )
      if (!embedKey.signingSecret)
        throw badRequest(`embedKey: "${embedKey.id}" has no HS256 secret to sign with`)
      return mintEmbedToken(embedKey, {
        user: body.user,
        tenant: body.tenant,
        ...(body.attributes !== undefined && { attributes: body.attributes }),
        ...(body.scope !== undefined && { scope: body.scope }),
        ...(body.ttl !== undefined && { ttl: body.ttl }),
      } as MintOptions)
    },
  )
  return c.json(response, 201)
}

const pageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
})

/** `GET /v1/dashboards` (admin) → Page<DashboardSummary>, sorted by id. */
export async function listDashboards(c: AppContext): Promise<Response> {
  const parsed = pageQuery.safeParse(c.req.query())
  if (!parsed.success) throw badRequest(issueMessage(parsed.error))
  const limit = parsed.data.limit ?? 50
  const after = parsed.data.cursor ? Buffer.from(parsed.data.cursor, 'base64url').toString() : ''
  const all = Object.entries(c.get('runtime').config.dashboards).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )
  const rest = all.filter(([id]) => id > after)
  const items: DashboardSummary[] = rest.slice(0, limit).map(([id, dashboard]) => ({
    id,
    title: dashboard.title,
    ...(dashboard.description !== undefined && { description: dashboard.description }),
  }))
  const last = items.at(-1)
  const page: Page<DashboardSummary> = {
    items,
    nextCursor: rest.length > limit && last ? Buffer.from(last.id).toString('base64url') : null,
  }
  return c.json(page)
}

const auditQuery = pageQuery.extend({
  kind: z.enum(['token', 'query', 'assistant', 'admin']).optional(),
  subject: z.string().max(300).optional(),
  tenant: z.string().max(300).optional(),
})

/** `GET /v1/audit?cursor=&limit=&kind=&subject=&tenant=` (admin) → Page<AuditEntry>, newest first. */
export async function listAudit(c: AppContext): Promise<Response> {
  const parsed = auditQuery.safeParse(c.req.query())
  if (!parsed.success) throw badRequest(issueMessage(parsed.error))
  return c.json(await c.get('runtime').audit.list(parsed.data))
}
