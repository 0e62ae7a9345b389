// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/providers/Rfc2136Provider.h"

#include <QObject>

namespace certdeck::dns {

Rfc2136Provider::Rfc2136Provider(Rfc2136Options options)
    : m_updater(std::move(options)) {}

QString Rfc2136Provider::description() const {
    return QObject::tr("RFC 2136 updates at %1").arg(m_updater.options().server.toString());
}

QCoro::Task<Status> Rfc2136Provider::addTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    Q_UNUSED(progress);
    const Rfc2136Updater updater = m_updater; // the provider may go away while this runs
    auto task = updater.addTxt(record.fqdn, record.value, record.ttl, cancel);
    auto done = co_await task;
    co_return done;
}

QCoro::Task<Status> Rfc2136Provider::removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) {
    Q_UNUSED(progress);
    const Rfc2136Updater updater = m_updater;
    auto task = updater.deleteTxt(record.fqdn, record.value, cancel);
    auto done = co_await task;
    co_return done;
}

} // namespace certdeck::dns
