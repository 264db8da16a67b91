import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { hrefFor, navigate } from '../location'

/** An in-app link: keeps the signed-in user in the URL and navigates without a reload. */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const { to, onClick, ...rest } = props
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(to)
  }
  return <a {...rest} href={hrefFor(to)} onClick={follow} />
}
