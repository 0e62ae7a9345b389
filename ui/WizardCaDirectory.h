// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/acme/Directory.h"
#include "core/common/CancelToken.h"
#include "core/common/Result.h"

#include <QCoroTask>
#include <QString>
#include <QUrl>

namespace certdeck::ui {

/// Reads a CA's ACME directory for the wizard (RFC 8555 §7.1.1): its profiles for the CA page and
/// its meta.caaIdentities for the preflight's CAA verdict. Bounded by HttpClient's timeouts.
class WizardCaDirectory {
public:
    /// `trustFile`: also trust this CA certificate (PEM) for the directory's HTTPS; may be empty.
    static QCoro::Task<Result<acme::Directory>> fetch(QUrl url, QString trustFile, CancelToken cancel);

    /// One plain line on what a profile means, e.g. "shortlived — 6-day certificates, renewed about
    /// every 3 days". Known names get Certdeck's own words; others the CA's description.
    static QString profileLine(const QString& name, const QString& description);
};

} // namespace certdeck::ui
