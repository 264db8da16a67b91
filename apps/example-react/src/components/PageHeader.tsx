import type { ReactNode } from 'react'
import { USERS, type UserId } from '../users'

export function PageHeader(props: {
  title: string
  description: string
  user?: UserId
  actions?: ReactNode
}) {
  const { title, description, user, actions } = props
  return (
    <div className="page-head">
      <div>
        <h1>{title}</h1>
        <p className="muted">{description}</p>
      </div>
      <div className="page-actions">
        {user ? (
          <span className="workspace" data-testid="workspace">
            {USERS[user].company} <span className="dot" aria-hidden="true" /> {USERS[user].scope}
          </span>
        ) : null}
        {actions}
      </div>
    </div>
  )
}
