// The CDN build (`@inset/elements/cdn`, dist/cdn/inset-elements.js): core inside, elements
// registered on import, charts and the assistant still lazy chunks beside it. One script tag:
// <script type="module" src="https://…/inset-elements.js"></script>
import { defineInsetElements } from './register'

export * from './index'

defineInsetElements()
