// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace certdeck::acme {

/// An ACME problem document (RFC 8555 §6.7, RFC 7807), with subproblems (§6.7.1).
struct Problem {
    QString type;   ///< full URN, e.g. "urn:ietf:params:acme:error:caa"
    QString detail; ///< the server's text; shown as technical detail, never trusted as markup
    int status = 0;
    QString instance;   ///< userActionRequired: the page the user must visit
    QString identifier; ///< subproblem's identifier value, if any
    QList<Problem> subproblems;

    /// The short type ("caa") for ACME URNs, else the full type.
    [[nodiscard]] QString shortType() const;
    static Problem fromJson(const QJsonObject& o);
    /// Parses a body; an unparsable body becomes a "serverInternal"-like problem with the HTTP status.
    static Problem fromBody(const QByteArray& body, int httpStatus);
};

/// Turns a problem into an Error whose userMessage says what to do (caa: fix the CAA record;
/// rateLimited: when to retry; userActionRequired: which page to visit ...). `context` names the step.
Error problemToError(const Problem& problem, const QString& context = {});

} // namespace certdeck::acme
