const sheets = new Map<string, CSSStyleSheet>()

function sheetFor(cssText: string): CSSStyleSheet {
  let sheet = sheets.get(cssText)
  if (!sheet) {
    sheet = new CSSStyleSheet()
    sheet.replaceSync(cssText)
    sheets.set(cssText, sheet)
  }
  return sheet
}

const supportsAdopted = () =>
  typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype

/**
 * Sets the stylesheets of a shadow root (`group` names a slot, e.g. the theme, replaced on the next
 * call with the same group). Constructable sheets are shared by every instance; a `<style>`
 * element per group stands in where they are not supported.
 */
export function adoptStyles(root: ShadowRoot, cssText: string, group = cssText): void {
  if ('adoptedStyleSheets' in root && supportsAdopted()) {
    const tagged = root as ShadowRoot & { insetSheets?: Map<string, CSSStyleSheet> }
    tagged.insetSheets ??= new Map()
    tagged.insetSheets.set(group, sheetFor(cssText))
    root.adoptedStyleSheets = [...tagged.insetSheets.values()]
    return
  }
  let style = [...root.querySelectorAll('style')].find((s) => s.dataset.group === group)
  if (!style) {
    style = document.createElement('style')
    style.dataset.group = group
    root.prepend(style)
  }
  style.textContent = cssText
}
