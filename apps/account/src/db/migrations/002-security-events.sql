-- Security Event Tokens pushed by the identity provider (RFC 8417, RFC 8935): "account
-- purged" and "credential change" end every session of the subject. Sessions already keep
-- the provider's opaque (pairwise) `sub` in `subject`; this index finds them by it. Each
-- SET is acted on once: its `jti` is remembered per issuer, so a resend is acknowledged
-- without ending sessions started since.

CREATE INDEX web_sessions_subject ON web_sessions (subject);

CREATE TABLE received_security_events (
  issuer text NOT NULL,
  jti text NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (issuer, jti)
);
CREATE INDEX received_security_events_received_at ON received_security_events (received_at);
