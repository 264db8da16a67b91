import { PageHeader } from '../components/PageHeader'
import { USERS, type UserId } from '../users'

/** A page of the host app with no analytics on it: leaving for it ends every Inset connection. */
export function AccountPage({ user }: { user: UserId }) {
  const person = USERS[user]
  return (
    <>
      <PageHeader title="Account" description="Your profile and workspace." />
      <section className="panel card account">
        <span className="avatar large" aria-hidden="true" data-user={user}>
          {person.initials}
        </span>
        <dl>
          <dt>Name</dt>
          <dd>{person.name}</dd>
          <dt>Workspace</dt>
          <dd>{person.company}</dd>
          <dt>Data access</dt>
          <dd>{person.scope}</dd>
        </dl>
      </section>
    </>
  )
}
