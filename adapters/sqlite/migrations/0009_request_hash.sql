-- What the author sent with each requestId (core/app/posts/request-hash.ts): a retry with the same content
-- replays the first post, other content under a used id is refused. NULL for posts written before: they
-- replay as before.
ALTER TABLE posts ADD COLUMN request_hash TEXT;
