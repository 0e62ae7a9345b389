// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DnsProvidersPage.h"

#include "core/dns/providers/ProviderCheck.h"
#include "core/store/StoreExecutor.h"
#include "ui/DnsProviderDialog.h"
#include "ui/MessageBar.h"

#include <QCoroFuture>
#include <QCoroSignal>
#include <QInputDialog>
#include <QPointer>

namespace certdeck::ui {

namespace {

enum Column { NameColumn, TypeColumn, WhereColumn, CredentialColumn, ColumnCount };

/// What the "Zone or server" column shows: the zone the provider is pinned to, else where it talks to.
QString whereLabel(const store::DnsProviderRecord& p) {
    const QVariantMap s = p.settings.toVariantMap();
    const QString zone = dns::providerZone(p.kind, s);
    if (p.kind == QLatin1String("rfc2136"))
        return zone.isEmpty()
                   ? DnsProvidersPage::tr("server %1").arg(s.value(QStringLiteral("server")).toString())
                   : DnsProvidersPage::tr("%1 at %2").arg(zone, s.value(QStringLiteral("server")).toString());
    if (p.kind == QLatin1String("powerdns") || p.kind == QLatin1String("acme-dns"))
        return zone.isEmpty() ? s.value(QStringLiteral("url")).toString()
                              : DnsProvidersPage::tr("%1 at %2").arg(zone, s.value(QStringLiteral("url")).toString());
    if (p.kind == QLatin1String("hook"))
        return s.value(QStringLiteral("program")).toString();
    if (p.kind == QLatin1String("manual"))
        return DnsProvidersPage::tr("any zone: you add the records");
    return zone.isEmpty() ? DnsProvidersPage::tr("any zone the token can change") : zone;
}

} // namespace

DnsProvidersPage::DnsProvidersPage(store::StoreExecutor* store, QWidget* parent)
    : RecordListPageOf(
          Setup{QStringLiteral("dnsProvidersPage"),
                QStringLiteral("dnsProviders"),
                tr("DNS providers"),
                tr("Where Certdeck publishes the TXT records of dns-01 challenges (needed for wildcard "
                   "certificates). Test a provider to see that it works."),
                tr("No DNS providers yet. Add the service that hosts your domain's DNS, so Certdeck can prove "
                   "control of the domain with a TXT record — the way to get wildcard certificates and "
                   "certificates for machines the internet cannot reach."),
                tr("&Add provider…"),
                tr("DNS providers"),
                {tr("Name"), tr("Type"), tr("Zone or server"), tr("Credential")},
                tr("&Test"),
                QStringLiteral("dns"),
                tr("Write a TXT record _certdeck-check.<zone> through the provider and remove it again")},
          [](store::Store& s) { return s.dnsProviders().all(); }, store, parent) {
    connect(this, &RecordListPage::recordsLoaded, this, &DnsProvidersPage::providersLoaded);
    connect(this, &RecordListPage::recordsChanged, this, &DnsProvidersPage::providersChanged);
}

RecordListPage::Row DnsProvidersPage::rowFor(const store::DnsProviderRecord& p) const {
    const bool needsSecret = dns::providerNeedsSecret(p.kind);
    return Row{{p.name, DnsProviderDialog::typeLabel(p.kind), whereLabel(p),
                needsSecret ? tr("in your keychain") : tr("none needed")},
               needsSecret ? -1 : static_cast<int>(CredentialColumn)};
}

RecordListPage::Removal DnsProvidersPage::removalOf(const store::DnsProviderRecord& provider) const {
    Removal removal;
    removal.name = provider.name;
    removal.title = tr("Remove %1?").arg(provider.name);
    removal.question =
        tr("Remove the DNS provider %1 and its credential from your keychain? Certificates that renew through it "
           "will fail until you choose another provider.")
            .arg(provider.name);
    removal.secretKey = dns::providerNeedsSecret(provider.kind) ? provider.secretKey() : QString();
    removal.reportUnopenedKeychain = true;
    removal.remove = [name = provider.name](store::Store& s) {
        return s.dnsProviders().remove(name);
    };
    removal.removedText = tr("Removed %1 and its credential.").arg(provider.name);
    return removal;
}

QCoro::Task<Result<SecureBytes>> DnsProvidersPage::storedSecret(store::DnsProviderRecord provider) {
    auto secretsTask = secrets();
    auto backend = co_await secretsTask;
    if (!backend)
        co_return backend.error();
    const QString key = provider.secretKey();
    auto reading = backend->read(key);
    Result<SecureBytes> secret = co_await reading;
    if (!secret && secret.error().code == ErrorCode::NotFound)
        co_return Error(ErrorCode::NotFound,
                        tr("The credential of %1 is not in your keychain: edit the provider and enter it again.")
                            .arg(provider.name),
                        secret.error().detail);
    if (!secret)
        co_return secret.error().withContext(tr("Reading the credential of DNS provider %1").arg(provider.name));
    co_return secret;
}

QCoro::Task<> DnsProvidersPage::runAdd(std::optional<store::DnsProviderRecord> existing) {
    QPointer<DnsProvidersPage> self(this);
    QPointer<DnsProviderDialog> dialog = new DnsProviderDialog(existing, this);
    auto asking = accepted(dialog.data());
    if (const bool ok = co_await asking; !ok)
        co_return;
    const store::DnsProviderRecord record = dialog->record();
    std::optional<SecureBytes> secret = dialog->secret();
    if (nameTaken(existing, record.name,
                  tr("There is already a DNS provider named %1: choose another name, or edit it.").arg(record.name)))
        co_return;
    setBusy(true);
    auto fail = [&self](const Error& e) {
        if (!self)
            return;
        self->setBusy(false);
        self->message()->showError(e);
    };
    const bool needsSecret = dns::providerNeedsSecret(record.kind);
    // The settings must build a provider before anything is saved (as the CLI checks): with the new
    // credential, or the stored one when it is kept.
    SecureBytes forCheck;
    if (needsSecret && secret) {
        forCheck = *secret;
    } else if (needsSecret) {
        auto reading = storedSecret(record);
        const Result<SecureBytes> stored = co_await reading;
        if (!self)
            co_return;
        if (!stored) {
            fail(stored.error());
            co_return;
        }
        forCheck = *stored;
    }
    if (auto ok = dns::validateProviderSettings(record.kind, record.settings.toVariantMap(), forCheck); !ok) {
        fail(ok.error());
        co_return;
    }
    // The credential first: a provider row whose token never reached the keychain fails later with a
    // confusing error. A type that needs none drops an old one.
    const bool dropSecret = existing && !needsSecret && dns::providerNeedsSecret(existing->kind);
    if ((needsSecret && secret) || dropSecret) {
        const QString key = record.secretKey();
        const std::optional<SecureBytes> value = needsSecret ? secret : std::nullopt;
        const QString context = tr("Storing the credential of %1 in the keychain").arg(record.name);
        auto storing = storeSecret(key, value, context);
        const Status stored = co_await storing;
        if (!self)
            co_return;
        if (!stored) {
            fail(stored.error());
            co_return;
        }
    }
    auto job = executor()->run([record](store::Store& s) { return s.dnsProviders().save(record); });
    const Result<qint64> saved = co_await job;
    if (!self)
        co_return;
    if (!saved) {
        fail(saved.error());
        co_return;
    }
    setBusy(false);
    const QString text = existing ? tr("Saved %1.").arg(record.name)
                                  : tr("Added %1. Test it to see that it can publish records.").arg(record.name);
    auto showing = showSaved(record.name, text);
    co_await showing;
}

QCoro::Task<> DnsProvidersPage::runTest(store::DnsProviderRecord provider) {
    QPointer<DnsProvidersPage> self(this);
    if (provider.kind == QLatin1String("manual")) {
        setBusy(true);
        finishTest(true, std::nullopt,
                   tr("%1 is a manual provider: there is nothing to test. Certdeck shows each record for you to add.")
                       .arg(provider.name),
                   QString());
        co_return;
    }
    const QVariantMap settings = provider.settings.toVariantMap();
    QString zone = dns::providerZone(provider.kind, settings);
    if (zone.isEmpty() && provider.kind != QLatin1String("acme-dns")) {
        // Not pinned to a zone: ask which one to write the check record in.
        QPointer<QInputDialog> ask = new QInputDialog(this);
        ask->setObjectName(QStringLiteral("dnsProvidersZonePrompt"));
        ask->setWindowTitle(tr("Test %1").arg(provider.name));
        ask->setLabelText(tr("Which zone should the test record go in? Certdeck writes a TXT record "
                             "_certdeck-check.<zone> there and removes it again."));
        ask->setTextValue(QString());
        ask->setOkButtonText(tr("&Test"));
        auto asked = qCoro(ask.data(), &QDialog::finished);
        ask->open();
        const int answer = co_await asked;
        if (!self || !ask)
            co_return;
        ask->deleteLater();
        zone = ask->textValue().trimmed();
        if (answer != QDialog::Accepted || zone.isEmpty())
            co_return;
    }
    setBusy(true);
    message()->showMessage(tr("Testing %1…").arg(provider.name));
    dns::ProviderCheckRequest request;
    request.type = provider.kind;
    request.settings = settings;
    request.zone = zone;
    if (dns::providerNeedsSecret(provider.kind)) {
        auto reading = storedSecret(provider);
        const Result<SecureBytes> secret = co_await reading;
        if (!self)
            co_return;
        if (!secret) {
            finishTest(false, secret.error(), QString(), QString());
            co_return;
        }
        request.secret = *secret;
    }
    const CancelToken cancel;
    auto checking = dns::checkProvider(request, cancel);
    const Result<dns::ProviderCheckResult> checked = co_await checking;
    if (!self)
        co_return;
    if (!checked) {
        finishTest(false, checked.error(), QString(), QString());
        co_return;
    }
    const QString detail = tr("Record %1 through %2").arg(checked->fqdn, checked->description);
    if (checked->outcome == dns::ProviderCheckResult::Outcome::WroteOnly)
        finishTest(true, std::nullopt,
                   tr("Updated the acme-dns record of %1. (acme-dns has no delete: the test value is replaced by the "
                      "next two updates.)")
                       .arg(checked->zone),
                   detail);
    else
        finishTest(true, std::nullopt, tr("Wrote and removed a TXT record in %1.").arg(checked->zone), detail);
}

} // namespace certdeck::ui
