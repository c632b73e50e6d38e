// The deployment mode. Development enables the outbox pages and generated local secrets;
// production refuses to start without real secrets and a real mail transport.
import { readEnum, type Env } from './env-reader.ts';

export type RuntimeMode = 'development' | 'test' | 'production';

export function readRuntimeMode(env: Env): RuntimeMode {
  return readEnum(env, 'APP_ENV', ['development', 'test', 'production'] as const, 'development');
}
