import type { UserId } from '../users'
import { Link } from './Link'
import { UserSwitcher } from './UserSwitcher'

const NAV = [
  { to: '/', label: 'Overview' },
  { to: '/assistant', label: 'Ask AI' },
  { to: '/reports', label: 'Reports' },
  { to: '/account', label: 'Account' },
]

export function Header({ path, user }: { path: string; user: UserId | null }) {
  return (
    <header className="topbar">
      <Link to="/" className="brand" aria-label="Acme Analytics home">
        <svg viewBox="0 0 32 32" aria-hidden="true" className="brand-mark">
          <rect width="32" height="32" rx="8" />
          <path d="M8 22l5-7 4 4 7-10" />
        </svg>
        <span>Acme Analytics</span>
      </Link>
      <nav aria-label="Main" className="nav">
        {NAV.map((item) => (
          <Link
            key={item.to}
            to={item.to}
            className="nav-link"
            aria-current={path === item.to ? 'page' : undefined}
          >
            {item.label}
          </Link>
        ))}
      </nav>
      <UserSwitcher user={user} />
    </header>
  )
}
