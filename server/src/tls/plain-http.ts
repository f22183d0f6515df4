import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody } from '../http/errors.ts';

/** Paths plain HTTP still answers when TLS is on: the CA a device must trust before HTTPS works, and its page. */
export const PLAIN_PATHS: ReadonlySet<string> = new Set(['/ca', '/ca.crt', '/ca.css']);

/**
 * The same address on HTTPS: the host the client asked for (Host header),
 * the HTTPS port, the same path and query. Null when the Host header is
 * missing or is not a host (and port).
 */
export function httpsLocation(host: string | undefined, url: string, httpsPort: number): string | null {
  if (!host) return null;
  let origin: URL;
  try {
    origin = new URL(`https://${host}`);
  } catch {
    return null;
  }
  if (origin.username || origin.password || origin.pathname !== '/' || origin.search || origin.hash) return null;
  origin.port = String(httpsPort);
  const target = new URL(url, 'https://path.invalid');
  return origin.origin + target.pathname + target.search;
}

/**
 * Plain HTTP beside HTTPS: the API (scripts, health checks, load balancers)
 * and the CA go to the app; everything else (the apps, `/`) is a 308 to
 * the same path on HTTPS, not cached, so turning TLS off again is not
 * undone by a browser's memory.
 */
export function plainHttpHandler(app: (req: IncomingMessage, res: ServerResponse) => void, httpsPort: number) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    const path = url.split('?')[0]!;
    if (path === '/api' || path.startsWith('/api/') || PLAIN_PATHS.has(path)) return app(req, res);
    const location = httpsLocation(req.headers.host, url, httpsPort);
    if (location === null) {
      const body = JSON.stringify(errorBody('bad_request', 'The Host header is missing or is not a host name'));
      res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    res.writeHead(308, { location, 'cache-control': 'no-store', 'content-length': 0 });
    res.end();
  };
}
