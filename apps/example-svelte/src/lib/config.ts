/** `GET /config.json`, written by the backend from its environment. */
export interface PageConfig {
  /** The Inset server the components talk to (`INSET_SERVER_URL`). */
  insetServerUrl: string
}
