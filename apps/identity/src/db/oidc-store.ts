// node-oidc-provider storage in one table (oidc_models), keyed by model name and id, with
// the indexes the provider looks things up by: uid, user code and grant id.
import type { Queryable } from '#platform/db/database.ts';

export type OidcPayload = Record<string, unknown> & {
  grantId?: string;
  userCode?: string;
  uid?: string;
  consumed?: unknown;
};

/** The models a grant issues, revoked with it (oidc-provider's MemoryAdapter `grantable`). */
export const GRANT_ISSUED_MODELS = [
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
];

export interface OidcStore {
  upsert(
    model: string,
    id: string,
    payload: OidcPayload,
    expiresInSeconds: number | undefined,
  ): Promise<void>;
  find(model: string, id: string): Promise<OidcPayload | undefined>;
  findBy(model: string, column: 'uid' | 'user_code', value: string): Promise<OidcPayload | undefined>;
  consume(model: string, id: string): Promise<void>;
  destroy(model: string, id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
}

export function createOidcStore(db: Queryable): OidcStore {
  const live = '(expires_at IS NULL OR expires_at > now())';
  const payloadOf = (
    row: { payload: OidcPayload; consumed_at: Date | null } | undefined,
  ): OidcPayload | undefined =>
    row && {
      ...row.payload,
      ...(row.consumed_at ? { consumed: Math.floor(row.consumed_at.getTime() / 1000) } : {}),
    };
  return {
    async upsert(model, id, payload, expiresInSeconds) {
      // Expiry is computed by the database clock, the same clock every lookup compares with.
      await db.query(
        `INSERT INTO oidc_models (model, id, payload, grant_id, user_code, uid, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7::double precision))
         ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id,
           user_code = EXCLUDED.user_code, uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`,
        [
          model,
          id,
          JSON.stringify(payload),
          payload.grantId ?? null,
          payload.userCode ?? null,
          payload.uid ?? null,
          expiresInSeconds || null,
        ],
      );
    },
    async find(model, id) {
      const rows = await db.query<{ payload: OidcPayload; consumed_at: Date | null }>(
        `SELECT payload, consumed_at FROM oidc_models WHERE model = $1 AND id = $2 AND ${live}`,
        [model, id],
      );
      return payloadOf(rows[0]);
    },
    async findBy(model, column, value) {
      const rows = await db.query<{ payload: OidcPayload; consumed_at: Date | null }>(
        `SELECT payload, consumed_at FROM oidc_models WHERE model = $1 AND ${column} = $2 AND ${live}`,
        [model, value],
      );
      return payloadOf(rows[0]);
    },
    async consume(model, id) {
      await db.query('UPDATE oidc_models SET consumed_at = now() WHERE model = $1 AND id = $2', [model, id]);
    },
    async destroy(model, id) {
      await db.query('DELETE FROM oidc_models WHERE model = $1 AND id = $2', [model, id]);
    },
    async revokeByGrantId(grantId) {
      // Only what the grant issued (oidc-provider's adapter contract): an Interaction also
      // carries a grantId, and deleting it would break a sign-in in progress (e.g. when the
      // provider ends the previous person's session during an account switch).
      await db.query('DELETE FROM oidc_models WHERE grant_id = $1 AND model = ANY($2)', [
        grantId,
        GRANT_ISSUED_MODELS,
      ]);
    },
    async deleteExpired(now) {
      const rows = await db.query('DELETE FROM oidc_models WHERE expires_at <= $1 RETURNING id', [now]);
      return rows.length;
    },
  };
}
