// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Result.h"
#include "core/workflow/RenewCertificate.h"

#include <QCoroTask>
#include <QList>
#include <QString>

#include <optional>

namespace certdeck::workflow {

/// What one deploy target serves now compared with its lineage's current certificate.
struct DeployedState {
    QString lineage;
    QString target;
    QString address;      ///< host:port asked
    QString storedSha256; ///< hex, upper case, no colons
    QString servedSha256; ///< same form; empty when the address could not be asked
    std::optional<Error> error;
    [[nodiscard]] bool matches() const { return !error && servedSha256 == storedSha256; }
};

/// Asks the verify address of every stored deploy target (of `lineages`, or of every lineage when
/// empty) what it serves, as the renewal run does after renewing: a server that serves another
/// certificate than the stored one (someone replaced it, a reload never happened, a load balancer
/// points elsewhere) becomes a "deployed-differs" event and a DeployedDiffers notification — once per
/// target and served certificate a day, so a timer running twice a day does not repeat itself. An
/// address that cannot be reached is reported in the result only (a site may be down for a reason
/// the user knows; deploy failures have their own notice).
QCoro::Task<QList<DeployedState>> checkDeployed(RenewalEnvironment& env, QStringList lineages, CancelToken cancel);

} // namespace certdeck::workflow
