-- accounts: each user's console preferences (display time zone, opt-in sound and browser notifications).
CREATE TABLE users.preference (
    username              VARCHAR(64) PRIMARY KEY,
    time_zone             VARCHAR(64) NOT NULL,
    sound                 BOOLEAN     NOT NULL,
    browser_notifications BOOLEAN     NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
