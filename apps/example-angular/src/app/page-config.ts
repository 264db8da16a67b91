import { HttpClient } from '@angular/common/http'
import { Injectable, inject, signal } from '@angular/core'
import { firstValueFrom } from 'rxjs'

/** `GET /config.json`, written by the backend from its environment. */
interface PageConfigJson {
  /** The Inset server the components talk to (`INSET_SERVER_URL`). */
  insetServerUrl: string
}

/**
 * Where the Inset server is comes from the backend at run time (INSET_SERVER_URL), so that one
 * build serves every environment; loaded once by an app initializer.
 */
@Injectable({ providedIn: 'root' })
export class PageConfig {
  readonly #http = inject(HttpClient)
  readonly #insetServerUrl = signal('')
  readonly insetServerUrl = this.#insetServerUrl.asReadonly()

  async load(): Promise<void> {
    const config = await firstValueFrom(this.#http.get<PageConfigJson>('/config.json'))
    this.#insetServerUrl.set(config.insetServerUrl)
  }
}
