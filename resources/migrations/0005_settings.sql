-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 5: preferences both faces share (the app's Settings dialog and certdeck-cli on the
-- systemd timer), e.g. "notifications/firstExpiryNoticeDays". Plain values only; secrets stay in Secrets.
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
