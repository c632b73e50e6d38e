import type { FastifyInstance } from 'fastify';
import { HomePage } from '../views/home-page.tsx';

export function registerHomeRoutes(app: FastifyInstance): void {
  app.get('/', (_req, reply) => reply.page((ctx) => HomePage(ctx)));
}
