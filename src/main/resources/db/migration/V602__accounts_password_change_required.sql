-- accounts: a password someone else set (a generated initial password, an admin's reset) must be changed by its
-- user at the next sign-in before anything else (OWASP ASVS 6.4.1).
ALTER TABLE users.app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
