// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WizardCaDirectory.h"

#include "core/acme/AcmeClient.h"
#include "core/net/HttpClient.h"

#include <QCoreApplication>

namespace certdeck::ui {

QCoro::Task<Result<acme::Directory>> WizardCaDirectory::fetch(QUrl url, QString trustFile, CancelToken cancel) {
    net::HttpClient http;
    if (!trustFile.isEmpty()) {
        if (auto s = http.addTrustedCertificatesFromFile(trustFile); !s)
            co_return s.error();
    }
    acme::AcmeClient client(http);
    auto task = client.fetchDirectory(url, cancel);
    const Status fetched = co_await task;
    if (!fetched)
        co_return fetched.error();
    const acme::Directory directory = client.directory();
    co_return directory;
}

QString WizardCaDirectory::profileLine(const QString& name, const QString& description) {
    // Let's Encrypt's profiles (https://letsencrypt.org/docs/profiles/), said plainly.
    QString meaning;
    if (name == QLatin1String("classic"))
        meaning = QCoreApplication::translate("WizardCaDirectory", "90-day certificates, renewed about every 60 days");
    else if (name == QLatin1String("tlsserver"))
        meaning = QCoreApplication::translate("WizardCaDirectory",
                                              "90-day certificates for web servers only, leaner contents");
    else if (name == QLatin1String("shortlived"))
        meaning = QCoreApplication::translate("WizardCaDirectory", "6-day certificates, renewed about every 3 days");
    else
        meaning = description.simplified().left(160);
    if (meaning.isEmpty())
        return name;
    return QCoreApplication::translate("WizardCaDirectory", "%1 — %2").arg(name, meaning);
}

} // namespace certdeck::ui
