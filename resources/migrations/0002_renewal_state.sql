-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 2: unattended renewal. Per-lineage planner state, at most one order in flight per
-- lineage (a lock row naming its owner, so a killed process's order can be resumed or dropped),
-- watched endpoints remember what they last served.
ALTER TABLE lineages ADD COLUMN next_attempt_at TEXT NOT NULL DEFAULT '';
ALTER TABLE lineages ADD COLUMN failure_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE lineages ADD COLUMN authz_failure_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE lineages ADD COLUMN paused_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE lineages ADD COLUMN ari_checked_at TEXT NOT NULL DEFAULT '';
ALTER TABLE lineages ADD COLUMN ari_window_start TEXT NOT NULL DEFAULT '';
ALTER TABLE lineages ADD COLUMN ari_window_end TEXT NOT NULL DEFAULT '';
ALTER TABLE lineages ADD COLUMN ari_retry_after TEXT NOT NULL DEFAULT '';
ALTER TABLE lineages ADD COLUMN last_notified_expiry_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN data TEXT NOT NULL DEFAULT '{}';
ALTER TABLE endpoints ADD COLUMN last_scanned_at TEXT NOT NULL DEFAULT '';
ALTER TABLE endpoints ADD COLUMN last_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE endpoints ADD COLUMN last_not_after TEXT NOT NULL DEFAULT '';
ALTER TABLE endpoints ADD COLUMN last_error TEXT NOT NULL DEFAULT '';
CREATE TABLE renewal_locks (
    lineage_id INTEGER PRIMARY KEY REFERENCES lineages(id) ON DELETE CASCADE,
    owner TEXT NOT NULL,
    acquired_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    order_url TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_lineage ON events(lineage_id, at);
