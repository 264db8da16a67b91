import type { CellValue, FilterDefinition, QueryResult } from '@inset/core'
import { useDashboard } from '@inset/react'
import { PageHeader } from '../components/PageHeader'
import { formatCurrency, formatInteger } from '../format'
import type { UserId } from '../users'

type SelectFilter = Extract<FilterDefinition, { type: 'select' }>

const firstValue = (data: QueryResult | undefined): CellValue | undefined => data?.rows[0]?.[0]

/**
 * A report in our own design, drawn from the same dashboard's data with the headless hook: Inset
 * fetches, filters and refreshes; the markup is ours.
 */
export function ReportsPage({ user }: { user: UserId }) {
  const { state, definition, tiles, error, filters, setFilters, refresh } =
    useDashboard('sales-overview')
  const region = definition?.filters.find(
    (f): f is SelectFilter => f.id === 'region' && f.type === 'select',
  )
  const chosen = Array.isArray(filters.region) ? filters.region : []
  const revenue = firstValue(tiles.revenue?.data)
  const orders = firstValue(tiles.orders?.data)
  const average =
    typeof revenue === 'number' && typeof orders === 'number' && orders > 0
      ? revenue / orders
      : undefined
  const categories = tiles['revenue-by-category']?.data?.rows ?? []
  const topCategory = Math.max(1, ...categories.map((row) => Number(row[1]) || 0))
  const products = tiles['top-products']?.data

  return (
    <>
      <PageHeader
        title="Revenue report"
        description="Our own layout, fed by Inset's governed data."
        user={user}
        actions={
          <button type="button" className="button" onClick={() => refresh()}>
            Refresh
          </button>
        }
      />
      <fieldset className="toolbar">
        <legend className="sr-only">Region</legend>
        <button
          type="button"
          className="chip-button"
          aria-pressed={chosen.length === 0}
          onClick={() => setFilters(({ region: _all, ...others }) => others)}
        >
          All regions
        </button>
        {region?.options.map((option) => (
          <button
            key={String(option)}
            type="button"
            className="chip-button"
            aria-pressed={chosen.length === 1 && chosen[0] === option}
            onClick={() => setFilters({ region: [option] })}
          >
            {String(option)}
          </button>
        ))}
        <span className="status" data-state={state} aria-live="polite">
          {state === 'loading' ? 'Loading…' : state === 'updating' ? 'Updating…' : null}
        </span>
      </fieldset>
      {error ? (
        <p className="banner" role="alert">
          The report could not load ({error.code}).{' '}
          <button type="button" className="link" onClick={() => refresh()}>
            Try again
          </button>
        </p>
      ) : null}
      <div className="kpis">
        <Kpi id="revenue" label="Revenue" value={revenue} format={formatCurrency} />
        <Kpi id="orders" label="Orders" value={orders} format={formatInteger} />
        <Kpi id="average" label="Average order" value={average} format={formatCurrency} />
      </div>
      <div className="report-grid">
        <section className="panel card" aria-labelledby="categories-title">
          <h2 id="categories-title">Revenue by category</h2>
          <ul className="bars" data-testid="categories">
            {categories.map(([category, value]) => (
              <li key={String(category)} data-category={String(category)}>
                <span className="bar-label">{String(category)}</span>
                <span className="bar-track">
                  <span
                    className="bar"
                    style={{ width: `${((Number(value) || 0) / topCategory) * 100}%` }}
                  />
                </span>
                <span className="bar-value" data-value={String(value)}>
                  {formatCurrency(value)}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section className="panel card" aria-labelledby="products-title">
          <h2 id="products-title">Top products</h2>
          <table className="table" data-testid="top-products">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col" className="num">
                  Revenue
                </th>
                <th scope="col" className="num">
                  Orders
                </th>
              </tr>
            </thead>
            <tbody>
              {products?.rows.map((row) => (
                <tr key={String(row[0])}>
                  <td>
                    {String(row[0])} <span className="muted small">{String(row[1])}</span>
                  </td>
                  <td className="num">{formatCurrency(row[2])}</td>
                  <td className="num">{formatInteger(row[3])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </>
  )
}

function Kpi(props: {
  id: string
  label: string
  value: CellValue | undefined
  format: (value: unknown) => string
}) {
  const { id, label, value, format } = props
  const loading = value === undefined
  return (
    <section className="panel card kpi" data-kpi={id} aria-busy={loading}>
      <h2 className="kpi-label">{label}</h2>
      <p className="kpi-number" data-value={loading ? '' : String(value)}>
        {loading ? <span className="skeleton" /> : format(value)}
      </p>
    </section>
  )
}
