// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dns/providers/DnsProvider.h"

namespace certdeck::dns {

/// The user adds the record by hand: addTxt() shows the exact name and value as a progress step
/// (id "manual-dns:<fqdn>:<value>", state Waiting, data fqdn/value/record) and returns at once; the
/// caller then waits until every authoritative server serves it (PropagationChecker). removeTxt()
/// says which record may now be deleted.
class ManualProvider final : public DnsProvider {
public:
    [[nodiscard]] QString type() const override { return QStringLiteral("manual"); }
    [[nodiscard]] QString description() const override;
    [[nodiscard]] bool isManual() const override { return true; }
    QCoro::Task<Status> addTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;
    QCoro::Task<Status> removeTxt(TxtRecord record, Progress& progress, CancelToken cancel) override;
};

} // namespace certdeck::dns
