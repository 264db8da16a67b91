import { navigate, useLocation } from '../location'
import { USERS, type UserId } from '../users'

/** Signs in as another demo user by changing `?user=` in the URL (a real app would use a session). */
export function UserSwitcher({ user }: { user: UserId | null }) {
  const location = useLocation()
  const current = user ? USERS[user] : undefined
  return (
    <div className="user">
      <span className="avatar" aria-hidden="true" data-user={user ?? ''}>
        {current?.initials ?? '?'}
      </span>
      <label className="user-label">
        <span className="user-caption">Signed in as</span>
        <select
          value={user ?? ''}
          onChange={(event) => navigate(location.pathname, { user: event.target.value })}
        >
          {user ? null : <option value="">Nobody</option>}
          {(Object.keys(USERS) as UserId[]).map((id) => (
            <option key={id} value={id}>
              {USERS[id].name} · {USERS[id].company}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
