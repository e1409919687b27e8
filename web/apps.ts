/**
 * Every browser app served by `npm start`, one entry per URL prefix. The Vite build takes one bundle per app
 * (so the citizen pages never load staff code) and src/server/web.ts serves each app's index.html for any path
 * under its prefix (single-page fallback). Adding an app = one line here + `<prefix>/index.html` + its main.tsx.
 */
export interface WebApp {
  /** Bundle name (appears in asset file names). */
  name: string;
  /** URL prefix, with leading and trailing slash. '/' is the citizen portal and catches every other path. */
  prefix: string;
  /** Entry HTML, relative to web/. */
  html: string;
}

export const webApps: readonly WebApp[] = [
  { name: 'citizen', prefix: '/', html: 'index.html' },
  { name: 'staff', prefix: '/can-bo/', html: 'can-bo/index.html' },
  { name: 'queue', prefix: '/hang-doi/', html: 'hang-doi/index.html' },
  { name: 'field', prefix: '/to-cong-nghe/', html: 'to-cong-nghe/index.html' },
  { name: 'leader', prefix: '/lanh-dao/', html: 'lanh-dao/index.html' },
];

/** Paths the web apps never answer: the API and its docs keep their own 404s. */
export const serverOnlyPrefixes: readonly string[] = ['/api/', '/api', '/docs', '/openapi.json'];
