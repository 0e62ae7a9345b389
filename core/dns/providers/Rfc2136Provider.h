// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dns/Rfc2136Updater.h"
#include "core/dns/providers/DnsProvider.h"

namespace certdeck::dns {

/// dns-01 through RFC 2136 dynamic updates signed with TSIG (Rfc2136Updater): adds and deletes
/// exactly one TXT value (RFC 2136 §2.5.1, §2.5.4), leaving other values at the name alone.
class Rfc2136Provider final : public DnsProvider {
public:
    explicit Rfc2136Provider(Rfc2136Options options);

    [[nodiscard]] QString type() const override { return QStringLiteral("rfc2136"); }
    [[nodiscard]] QString description() const override;
    QCoro::Task<Status> addTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;
    QCoro::Task<Status> removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;

private:
    Rfc2136Updater m_updater;
};

} // namespace certdeck::dns
