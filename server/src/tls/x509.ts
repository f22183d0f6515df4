export type X509 = typeof import('@peculiar/x509');

let loaded: Promise<X509> | null = null;

/**
 * @peculiar/x509, loaded on first use, after the Reflect metadata polyfill
 * its dependency injection (tsyringe) requires when it loads. Not a static
 * import: in the compiled server, packages stay outside the bundle and their
 * imports run before any bundled code, so the polyfill could come too late.
 * A server with TLS off never loads either.
 */
export function loadX509(): Promise<X509> {
  return (loaded ??= import('reflect-metadata').then(() => import('@peculiar/x509')));
}
