import type { DashboardSummary, Page, TokenResponse } from '@inset/core'
import { z } from 'zod'
import { type MintOptions, mintEmbedToken } from '../../auth/mint-embed-token'
import { badRequest, ServerError } from '../../errors'
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
  kind: z.enum(['token', 'query', 'assistant', 'admin', 'export']).optional(),
  subject: z.string().max(300).optional(),
  tenant: z.string().max(300).optional(),
})

/** `GET /v1/audit?cursor=&limit=&kind=&subject=&tenant=` (admin) → Page<AuditEntry>, newest first. */
export async function listAudit(c: AppContext): Promise<Response> {
  const parsed = auditQuery.safeParse(c.req.query())
  if (!parsed.success) throw badRequest(issueMessage(parsed.error))
  return c.json(await c.get('runtime').audit.list(parsed.data))
}

// Revocations: what a token may carry is the contract's; these are its fields as text.
const revocationSchema = z
  .strictObject({
    subject: z.string().min(1).max(256).optional(),
    tenant: z.string().min(1).max(256).optional(),
    tokenId: z.string().min(1).max(200).optional(),
    embedKey: z.string().min(1).max(200).optional(),
    /** ISO time; default 24 hours from now (every token issued before has expired by then). */
    until: z.iso.datetime({ offset: true }).optional(),
    reason: z.string().max(500).optional(),
  })
  .refine((body) => body.subject ?? body.tenant ?? body.tokenId, {
    message: 'give at least one of subject, tenant or tokenId',
  })

const DAY_MS = 24 * 60 * 60 * 1000

/** `POST /v1/revocations` (admin) → 201 Revocation: matching tokens answer 401 `auth` until `until`. */
export async function createRevocation(c: AppContext): Promise<Response> {
  const runtime = c.get('runtime')
  const parsed = revocationSchema.safeParse(await readJsonBody(c))
  if (!parsed.success) throw badRequest(issueMessage(parsed.error))
  const { until, ...fields } = parsed.data
  const untilMs = until === undefined ? Date.now() + DAY_MS : Date.parse(until)
  if (!(untilMs > Date.now())) throw badRequest('until: must be in the future')
  if (untilMs > Date.now() + 366 * DAY_MS) throw badRequest('until: at most a year from now')
  const revocation = await audited(
    c,
    {
      kind: 'admin',
      subject: `api-key:${c.get('apiKeyName')}`,
      tenant: fields.tenant ?? null,
      okStatus: 201,
    },
    () => runtime.revocations.add({ ...fields, until: untilMs }),
  )
  return c.json(revocation, 201)
}

/** `GET /v1/revocations` (admin) → `{ items, nextCursor: null }`, the revocations in force. */
export async function listRevocations(c: AppContext): Promise<Response> {
  return c.json({ items: await c.get('runtime').revocations.list(), nextCursor: null })
}

/** `DELETE /v1/revocations/:id` (admin) → 204, or 404 when there is no such revocation. */
export async function deleteRevocation(c: AppContext): Promise<Response> {
  const id = c.req.param('id') ?? ''
  const removed = await audited(
    c,
    { kind: 'admin', subject: `api-key:${c.get('apiKeyName')}`, tenant: null },
    async () => {
      if (!(await c.get('runtime').revocations.remove(id)))
        throw new ServerError('not_found', 'No such revocation')
      return true
    },
  )
  return removed ? c.body(null, 204) : c.body(null, 404)
}
