-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 4: where notifications go. Settings only (format, host, port, addresses, user name);
-- the webhook URL (Slack and Discord URLs are credentials) and the SMTP password are in Secrets under
-- "notify/<name>", never here.
CREATE TABLE notifiers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}',
    enabled INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
