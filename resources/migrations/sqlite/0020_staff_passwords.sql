-- On the embedded file, signing in to the desktop and unlocking it take the staff member's own password,
-- kept as a salted scrypt hash. A one-time password a supervisor gives must be changed at first sign-in;
-- wrong passwords in a row lock the sign-in for a while.
ALTER TABLE staff ADD COLUMN password_hash TEXT;
ALTER TABLE staff ADD COLUMN password_must_change INTEGER NOT NULL DEFAULT 0 CHECK (password_must_change IN (0, 1));
ALTER TABLE staff ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0);
ALTER TABLE staff ADD COLUMN locked_until TEXT;
