// The staff app's service worker (docs/decisions/0018): the app shell and every page's code are cached at install,
// so an inspector who opened the app once can start it, fill inspections and queue them without a signal. The
// build (vite.config.ts) replaces PRECACHE with the files of that build, so each deploy installs a new worker and
// drops the old files. API answers are never cached except the few the field pages need offline (FIELD_API), and
// those only for the signed-in user: signing out empties that cache.
const PRECACHE = self.__PRECACHE__;
const shellCache = `zhijian-shell-${PRECACHE.version}`;
const fieldCache = 'zhijian-field-data';

// Field pages read these; a fresh answer when online, the last one when not.
const FIELD_API = [
  /^\/api\/v1\/auth\/me$/,
  /^\/api\/v1\/food-safety-due(\?|$)/,
  /^\/api\/v1\/inspection-templates(\?|$)/,
  /^\/api\/v1\/food-safety-grades\/\d+$/,
  /^\/api\/v1\/rectification-orders(\?|$)/,
  /^\/api\/v1\/sampling\/samplers$/,
];
// Server-rendered public pages and downloads: always the network.
const NOT_THE_APP = /^\/(api|p|public|docs)(\/|$)/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(shellCache)
      .then((cache) => cache.addAll(PRECACHE.files))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key.startsWith('zhijian-shell-') && key !== shellCache).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, cacheName) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(cacheName);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName });
    if (cached) return cached;
    throw error;
  }
}

async function appShell(request) {
  try {
    return await fetch(request);
  } catch {
    const shell = await caches.match('/index.html', { cacheName: shellCache });
    return shell ?? Response.error();
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== 'GET') {
    // Signing in or out: the last user's field data must not outlive their session on this device.
    if (url.pathname.startsWith('/api/v1/auth/')) event.waitUntil(caches.delete(fieldCache));
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    if (FIELD_API.some((pattern) => pattern.test(url.pathname + url.search))) event.respondWith(networkFirst(request, fieldCache));
    return;
  }
  if (request.mode === 'navigate') {
    if (!NOT_THE_APP.test(url.pathname)) event.respondWith(appShell(request));
    return;
  }
  if (PRECACHE.files.includes(url.pathname)) {
    event.respondWith(caches.match(request, { cacheName: shellCache }).then((cached) => cached ?? fetch(request)));
  }
});
