const currency = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
})
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** `$1,234,567` */
export const formatCurrency = (value: unknown): string =>
  typeof value === 'number' ? currency.format(value) : '—'

/** `12,345` */
export const formatInteger = (value: unknown): string =>
  typeof value === 'number' ? integer.format(value) : '—'
