// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/providers/ManualProvider.h"

#include <QObject>
#include <QVariantMap>

namespace certdeck::dns {

namespace {

QString zoneLine(const TxtRecord& r) {
    return QStringLiteral("%1 %2 IN TXT \"%3\"").arg(r.fqdn).arg(r.ttl).arg(r.value);
}

QVariantMap data(const TxtRecord& r) {
    return QVariantMap{
        {QStringLiteral("fqdn"), r.fqdn}, {QStringLiteral("value"), r.value}, {QStringLiteral("record"), zoneLine(r)}};
}

} // namespace

QString ManualProvider::description() const {
    return QObject::tr("a TXT record you add by hand");
}

QCoro::Task<Status> ManualProvider::addTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    if (cancel.isCancelled())
        co_return Error(ErrorCode::Cancelled, QObject::tr("The operation was cancelled."));
    progress.report(QStringLiteral("manual-dns:%1:%2").arg(record.fqdn, record.value),
                    QObject::tr("Add this TXT record at your DNS provider: %1").arg(zoneLine(record)),
                    ProgressStep::State::Waiting, data(record));
    co_return Status{};
}

QCoro::Task<Status> ManualProvider::removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    Q_UNUSED(cancel);
    progress.report(QStringLiteral("manual-dns:%1:%2").arg(record.fqdn, record.value),
                    QObject::tr("You may now remove the TXT record %1").arg(zoneLine(record)),
                    ProgressStep::State::Info, data(record));
    co_return Status{};
}

} // namespace certdeck::dns
