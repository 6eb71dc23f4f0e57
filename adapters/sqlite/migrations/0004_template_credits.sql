-- Subscription consents counted per template (issue 7): WeChat gives a one-time consent per template id,
-- and a message spends one credit of its own template. The single count kept so far names no template:
-- it is carried over under '*', which a message of any template may spend (core/app/credits.ts), so no
-- credit is lost.
CREATE TABLE subscribe_credits (
  user_id     TEXT NOT NULL REFERENCES users (id),
  template_id TEXT NOT NULL,
  credits     INTEGER NOT NULL CHECK (credits > 0),  -- a count that reaches 0 is deleted
  PRIMARY KEY (user_id, template_id)
) STRICT, WITHOUT ROWID;
INSERT INTO subscribe_credits (user_id, template_id, credits)
  SELECT id, '*', subscribe_credits FROM users WHERE subscribe_credits > 0;
ALTER TABLE users DROP COLUMN subscribe_credits;
