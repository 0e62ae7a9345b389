// SPDX-License-Identifier: GPL-3.0-or-later
// Real certificates saved in a real store (core/store), for the GUI tests that read the dashboard
// from it: a lineage per name, its current certificate signed by a throw-away local root.
#pragma once

#include "core/crypto/CertificateAuthority.h"
#include "core/crypto/PrivateKey.h"
#include "core/store/Store.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace certdeck::test {

/// Saves one lineage `name` for `names` with a certificate valid for `days` (from now), into the store
/// of `dataDir`. Returns the error text, empty on success.
inline QString saveLineage(store::Store& st, const QString& name, const QStringList& names, int days,
                           const QUrl& directory = QUrl(QStringLiteral("https://acme.example.net/directory"))) {
    auto root = crypto::CertificateAuthority::createRoot(QStringLiteral("Certdeck test root"), 365);
    auto key = crypto::PrivateKey::generate(crypto::KeyType::P256);
    if (!root || !key)
        return QStringLiteral("cannot make the test CA");
    auto cert = crypto::CertificateAuthority::issue(root->first, root->second, *key, names, days);
    if (!cert)
        return cert.error().toString();
    store::Lineage l;
    l.name = name;
    l.names = names;
    l.directoryUrl = directory;
    if (auto s = st.lineages().insert(l); !s)
        return s.error().toString();
    const QList<crypto::Certificate> chain{*cert, root->second};
    store::CertificateRecord record = store::CertificateRecord::fromChain(chain, l.id, 1);
    if (auto s = st.certificates().add(record); !s)
        return s.error().toString();
    return {};
}

} // namespace certdeck::test
