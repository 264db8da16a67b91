import { Link } from '../components/Link'

export function NotFoundPage() {
  return (
    <section className="panel card empty-page">
      <h1>Page not found</h1>
      <p className="muted">
        Go back to the <Link to="/">overview</Link>.
      </p>
    </section>
  )
}
