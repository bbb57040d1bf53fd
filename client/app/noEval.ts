import { z } from 'zod';

/**
 * The server's CSP allows no eval. zod would compile a faster parser with `new Function` when its object
 * schemas are made (at module load), and its probe for that — caught, but still reported as a CSP
 * violation — runs unless it is told not to. Imported first in main.tsx, before any schema is made.
 */
z.config({ jitless: true });
