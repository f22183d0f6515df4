/**
 * What `zod` resolves to in the browser apps' builds (vite.config.ts aliases
 * it here). zod's object schemas probe for `new Function` (their JIT) when
 * they are constructed, and the apps' Content-Security-Policy
 * (`script-src 'self'`, no 'unsafe-eval') blocks and reports that probe.
 * Configuring zod here, in the module every schema imports, runs the
 * configuration before any schema exists, whichever chunk the bundler puts
 * the schemas in. (An import at the top of main.tsx did not: a schema in a
 * shared chunk was built before the entry chunk's first line.) The server
 * and the tests import zod itself and keep the JIT.
 */
import * as z from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { z, z as default };
