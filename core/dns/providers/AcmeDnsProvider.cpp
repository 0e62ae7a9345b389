// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/providers/AcmeDnsProvider.h"

#include "core/dns/DnsName.h"
#include "core/dns/providers/internal/CloudApi.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace certdeck::dns {

using internal::CloudApi;

namespace {

const QString kName = QStringLiteral("acme-dns");

} // namespace

AcmeDnsProvider::AcmeDnsProvider(net::HttpClient& http, AcmeDnsOptions options)
    : m_http(http)
    , m_options(std::move(options)) {}

QString AcmeDnsProvider::description() const {
    return QObject::tr("acme-dns at %1").arg(m_options.baseUrl.host());
}

Status AcmeDnsProvider::validate() const {
    if (auto ok = CloudApi::checkBaseUrl(m_options.baseUrl, kName); !ok)
        return ok;
    if (m_options.username.isEmpty() || m_options.subdomain.isEmpty() || m_options.apiKey.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     QObject::tr("Give the acme-dns registration: username, password and subdomain (from /register)."));
    if (!m_options.fulldomain.isEmpty()) {
        if (auto full = DnsName::normalise(m_options.fulldomain); !full)
            return full.error();
    }
    return {};
}

QCoro::Task<Status> AcmeDnsProvider::addTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    Q_UNUSED(progress);
    if (auto ok = validate(); !ok)
        co_return ok.error();
    auto fqdn = DnsName::normalise(record.fqdn);
    if (!fqdn)
        co_return fqdn.error();
    if (!m_options.fulldomain.isEmpty()) {
        // The caller has followed any _acme-challenge CNAME: a name other than the registration's
        // fulldomain means the CNAME is missing, and the CA would never see the value.
        const QString full = *DnsName::normalise(m_options.fulldomain);
        if (*fqdn != full)
            co_return Error(ErrorCode::InvalidInput,
                            QObject::tr("%1 does not point at acme-dns: add the record \"%2 CNAME %3\" to its zone.")
                                .arg(DnsName::display(*fqdn), *fqdn, full),
                            QStringLiteral("acme-dns fulldomain %1").arg(full));
    }
    const QJsonObject body{{QStringLiteral("subdomain"), m_options.subdomain}, {QStringLiteral("txt"), record.value}};
    const internal::ApiCall call{QByteArrayLiteral("POST"),
                                 CloudApi::endpoint(m_options.baseUrl, QStringLiteral("/update")),
                                 {{QByteArrayLiteral("X-Api-User"), m_options.username.toUtf8()},
                                  {QByteArrayLiteral("X-Api-Key"), m_options.apiKey.bytes()}},
                                 QJsonDocument(body).toJson(QJsonDocument::Compact)};
    auto task = CloudApi::send(m_http, call, cancel);
    auto r = co_await task;
    if (!r)
        co_return r.error();
    const QString zone =
        m_options.fulldomain.isEmpty() ? m_options.subdomain : CloudApi::withoutDot(m_options.fulldomain);
    if (r->status == 401 || r->status == 403)
        co_return CloudApi::tokenRefused(kName, zone, *r);
    if (r->status != 200)
        co_return CloudApi::unexpected(kName, QObject::tr("updating the TXT value of %1").arg(zone), *r);
    // The documented answer echoes the value: anything else means it was not stored.
    auto o = CloudApi::object(*r, kName);
    if (!o)
        co_return o.error();
    if (o->value(QStringLiteral("txt")).toString() != record.value)
        co_return Error(ErrorCode::Protocol, QObject::tr("acme-dns did not confirm the TXT value it was sent."),
                        QString::fromUtf8(r->body.left(300)));
    co_return Status{};
}

QCoro::Task<Status> AcmeDnsProvider::removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    Q_UNUSED(record);
    Q_UNUSED(progress);
    Q_UNUSED(cancel);
    // No delete endpoint: the value is rotated out by the next update (acme-dns keeps the last two).
    co_return Status{};
}

} // namespace certdeck::dns
