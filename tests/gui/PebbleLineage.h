// SPDX-License-Identifier: GPL-3.0-or-later
// A certificate issued by the REAL Pebble (tests/support/PebbleFixture) and saved in a store as
// `certdeck-cli issue --standalone 127.0.0.1:PORT --ca-file PEBBLE-CA` would: the account, the lineage
// (challenge settings name the responder and Pebble's listener CA) and version 1 in the KeyVault.
#pragma once

#include "core/acme/AcmeClient.h"
#include "core/acme/Identifier.h"
#include "core/challenge/StandaloneSolver.h"
#include "core/store/Store.h"
#include "core/workflow/IssueCertificate.h"
#include "core/workflow/StoreAccount.h"
#include "core/workflow/StoreLineage.h"
#include "tests/support/PebbleFixture.h"

#include <QCoroTask>
#include <QJsonObject>

namespace certdeck::test {

/// Returns the error text, empty on success.
inline QString issueIntoStore(PebbleFixture& pebble, store::Store& st, const QString& name) {
    net::HttpClient http;
    if (!http.addTrustedCertificatesFromFile(pebble.listenerCaFile()))
        return QStringLiteral("cannot trust Pebble's CA");
    acme::AcmeClient client(http);
    workflow::AccountOptions options;
    options.termsOfServiceAgreed = true;
    const QUrl directory = pebble.directoryUrl();
    Progress progress;
    auto account = QCoro::waitFor(workflow::openStoreAccount(client, st, directory, options, progress, CancelToken()));
    if (!account)
        return account.error().toString() + QLatin1Char(' ') + account.error().detail;
    workflow::IssueRequest request;
    request.identifiers = *acme::parseIdentifiers({name});
    challenge::StandaloneSolver solver(QHostAddress::LocalHost, pebble.httpPort());
    request.solvers = {&solver};
    auto issued = QCoro::waitFor(workflow::issueCertificate(client, request, progress, CancelToken()));
    if (!issued)
        return issued.error().toString() + QLatin1Char(' ') + issued.error().detail;
    const QJsonObject challenge{{QStringLiteral("method"), QStringLiteral("standalone")},
                                {QStringLiteral("address"), QStringLiteral("127.0.0.1")},
                                {QStringLiteral("port"), pebble.httpPort()},
                                {QStringLiteral("caFile"), pebble.listenerCaFile()}};
    store::Lineage lineage = workflow::lineageFor(request, directory, challenge);
    auto v = workflow::saveIssuedCertificate(st, lineage, *issued, QStringLiteral("issued"),
                                             QDateTime::currentDateTimeUtc());
    if (!v)
        return v.error().toString();
    return {};
}

} // namespace certdeck::test
