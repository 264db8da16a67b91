import { USERS, type UserId } from '../users'

/** `?user=` named somebody this demo does not know: offer the demo users instead. */
export function SignedOutPage() {
  return (
    <section className="panel card empty-page" role="alert">
      <h1>You are not signed in</h1>
      <p className="muted">Pick a demo user:</p>
      <ul className="sign-in">
        {(Object.keys(USERS) as UserId[]).map((id) => (
          <li key={id}>
            <a href={`/?user=${id}`}>
              {USERS[id].name} · {USERS[id].company}
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
