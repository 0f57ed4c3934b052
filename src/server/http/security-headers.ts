import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

// The web app is built by Vite into files under 'self': no inline or remote script. antd writes
// inline styles (CSS-in-JS), hence 'unsafe-inline' for styles only.
const appDirectives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  mediaSrc: ["'self'", 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

/**
 * Served evidence (AV originals and derivatives, scans, signatures, PDFs, DOCX, the print HTML)
 * is content people or parties supplied. Opened on its own it runs sandboxed: no script, no
 * same-origin access to the session, even if a polyglot slipped past the type check.
 */
export const servedContentCsp = "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; font-src 'self' data:; frame-ancestors 'self'";

const isJson = (type: unknown) => typeof type === 'string' && /^application\/json\b/.test(type);

export async function installSecurityHeaders(app: FastifyInstance) {
  await app.register(fastifyHelmet, {
    // Listed in full: helmet's defaults include upgrade-insecure-requests, which breaks an
    // installation served over plain HTTP on an office network.
    contentSecurityPolicy: { useDefaults: false, directives: appDirectives },
    frameguard: { action: 'sameorigin' },
    noSniff: true,
    referrerPolicy: { policy: 'same-origin' },
    // Browsers ignore HSTS over HTTP; behind TLS the proxy decides.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs') && !isJson(reply.getHeader('content-type'))) {
      reply.header('content-security-policy', servedContentCsp);
    }
    return payload;
  });
}

/** Headers for answers written before any hook runs (router and Node parser errors). */
export const bareErrorHeaders = { 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'", 'x-frame-options': 'DENY' };
