-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 3: renewals deploy to stored servers, and an interrupted issuance can be resumed.
-- Servers say how to log in without a secret (key file path, agent, ~/.ssh/config); passwords and
-- passphrases stay in Secrets. A pending order names the order and the KeyVault file of the key made
-- for it (0600), written before finalize, so a killed process's successor can finish that order
-- instead of placing a second one.
ALTER TABLE servers ADD COLUMN identity_file TEXT NOT NULL DEFAULT '';
ALTER TABLE servers ADD COLUMN use_agent INTEGER NOT NULL DEFAULT 1;
ALTER TABLE servers ADD COLUMN ssh_config INTEGER NOT NULL DEFAULT 1;
CREATE TABLE pending_orders (
    lineage_id INTEGER PRIMARY KEY REFERENCES lineages(id) ON DELETE CASCADE,
    order_url TEXT NOT NULL,
    directory_url TEXT NOT NULL,
    names TEXT NOT NULL DEFAULT '[]',
    key_file TEXT NOT NULL DEFAULT '',
    stage TEXT NOT NULL DEFAULT 'created',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
