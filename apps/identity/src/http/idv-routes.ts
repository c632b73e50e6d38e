// Identity verification (IAL2), person-facing: the journey on this device, the phone hand-off,
// personal details and address, completion, errors and recovery of the sealed profile.
import type { FastifyInstance } from 'fastify';
import type { IdvDeps } from './idv-context.ts';
import { registerIdvJourneyRoutes } from './idv-journey-routes.tsx';
import { registerIdvMobileRoutes } from './idv-mobile-routes.tsx';
import { registerIdvDetailsRoutes } from './idv-details-routes.tsx';
import { registerIdvFinishRoutes } from './idv-finish-routes.tsx';

export type { IdvDeps };

export async function registerIdvRoutes(app: FastifyInstance, deps: IdvDeps): Promise<void> {
  await registerIdvJourneyRoutes(app, deps);
  await registerIdvMobileRoutes(app, deps);
  registerIdvDetailsRoutes(app, deps);
  registerIdvFinishRoutes(app, deps);
}
