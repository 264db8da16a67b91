import adapter from '@sveltejs/adapter-static'

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    // A static single-page app in dist/ (index.html + assets), served by the shared example
    // backend with index.html for every client route: the analytics are per signed-in user
    // behind a short-lived token, so there is nothing to render on a server.
    adapter: adapter({ pages: 'dist', assets: 'dist', fallback: 'index.html', strict: true }),
  },
  compilerOptions: { runes: true },
}
