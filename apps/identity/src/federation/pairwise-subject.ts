// Pairwise subject identifiers (OIDC Core §8.1): each agency sees a different, stable `sub`
// for the same person, so agencies cannot join their records on it. HMAC-SHA-256 of the
// agency's client_id and the account id under a server secret kept in the database.
import { createHmac } from 'node:crypto';

export const PAIRWISE_SECRET_NAME = 'pairwise-subject-key';

export type PairwiseSubject = (clientId: string, accountId: string) => string;

export function pairwiseSubjects(secret: string): PairwiseSubject {
  return (clientId, accountId) =>
    createHmac('sha256', secret).update(`${clientId}\u0000${accountId}`).digest('base64url');
}
