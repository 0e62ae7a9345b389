// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace certdeck::acme {

/// An order identifier: a DNS name (RFC 8555 §9.7.7) or an IP address (RFC 8738).
struct Identifier {
    enum class Type { Dns, Ip };
    Type type = Type::Dns;
    QString value; ///< DNS: lower-case A-labels, no trailing dot ("*.example.com" allowed); IP: canonical text

    [[nodiscard]] bool isWildcard() const { return type == Type::Dns && value.startsWith(QLatin1String("*.")); }
    [[nodiscard]] QJsonObject toJson() const;
    static Result<Identifier> fromJson(const QJsonObject& o);
    /// Parses what a user typed: an IP address, or a DNS name (internationalised names converted to
    /// punycode; a single leading "*." allowed). Refuses empty labels, bad characters, too long names.
    static Result<Identifier> parse(const QString& text);
    friend bool operator==(const Identifier& a, const Identifier& b) { return a.type == b.type && a.value == b.value; }
};

/// Parses a list, refusing duplicates.
Result<QList<Identifier>> parseIdentifiers(const QStringList& texts);

} // namespace certdeck::acme
