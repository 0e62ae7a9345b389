-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 1. Times are ISO 8601 UTC text; lists and settings are JSON text.
-- No secret ever lives here: secrets are in the keychain (or the 0600 secrets file), keys in the KeyVault.
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    directory_url TEXT NOT NULL UNIQUE,
    account_url TEXT NOT NULL DEFAULT '',
    directory_json TEXT NOT NULL DEFAULT '{}',
    directory_fetched_at TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL
);
CREATE TABLE lineages (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    names TEXT NOT NULL,
    directory_url TEXT NOT NULL,
    key_type TEXT NOT NULL DEFAULT 'p256',
    profile TEXT NOT NULL DEFAULT '',
    preferred_chain TEXT NOT NULL DEFAULT '',
    challenge TEXT NOT NULL DEFAULT '{}',
    deploy_targets TEXT NOT NULL DEFAULT '[]',
    auto_renew INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE certificates (
    id INTEGER PRIMARY KEY,
    lineage_id INTEGER REFERENCES lineages(id) ON DELETE CASCADE,
    version INTEGER NOT NULL DEFAULT 0,
    serial TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    names TEXT NOT NULL,
    issuer TEXT NOT NULL DEFAULT '',
    not_before TEXT NOT NULL,
    not_after TEXT NOT NULL,
    fullchain_pem TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT 'issued',
    stored_at TEXT NOT NULL
);
CREATE INDEX certificates_lineage ON certificates(lineage_id, version);
CREATE TABLE servers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    host TEXT NOT NULL,
    port INTEGER NOT NULL DEFAULT 22,
    user_name TEXT NOT NULL DEFAULT '',
    auth_method TEXT NOT NULL DEFAULT 'agent',
    host_key_fingerprint TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE dns_providers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
);
CREATE TABLE endpoints (
    id INTEGER PRIMARY KEY,
    host TEXT NOT NULL,
    port INTEGER NOT NULL DEFAULT 443,
    server_name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE(host, port, server_name)
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    lineage_id INTEGER,
    subject TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT '',
    error_code TEXT NOT NULL DEFAULT '',
    error_detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_at ON events(at);
