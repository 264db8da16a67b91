// Side-effect entry: `import '@inset/elements/define'` registers both elements.
import { defineInsetElements } from './register'

defineInsetElements()
