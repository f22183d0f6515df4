/**
 * Imported first by every browser app: zod's object parser probes for
 * `new Function` (its JIT), which the apps' Content-Security-Policy
 * (`script-src 'self'`, no 'unsafe-eval') blocks and reports as a violation
 * on every start. The apps run zod without it; the server keeps the JIT.
 */
import { z } from 'zod';

z.config({ jitless: true });
