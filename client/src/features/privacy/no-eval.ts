import { z } from 'zod'

/*
 * The Content-Security-Policy allows scripts from the app's own origin only: no eval. zod compiles
 * fast object parsers with `new Function` after probing whether eval works; under the CSP the probe
 * is refused and reported as a violation. Jitless, zod never probes. Imported first by main.tsx.
 */
z.config({ jitless: true })
