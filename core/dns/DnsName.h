// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QString>

namespace certdeck::dns {

/// How core/dns spells domain names, in and out.
///
/// Every name core/dns returns is *normalised*: lower-case ASCII, absolute, with exactly one
/// trailing dot ("www.example.com."; the root is "."). Names passed in may omit the trailing dot;
/// they are always taken as absolute (no search domains are ever appended). Internationalised
/// names must be passed as A-labels ("xn--bcher-kva.example."; QUrl::toAce gives them) — a name
/// with non-ASCII characters is refused rather than guessed at.
///
/// Labels may hold letters, digits, '-', '_' (for "_acme-challenge" and friends) and a lone '*'
/// (wildcard owner names); each label is 1..63 octets and the whole name at most 255 octets in
/// wire form (RFC 1035 §2.3.4). Pure functions, thread-safe.
class DnsName {
public:
    /// The normalised form of `name`, or an InvalidInput error that says what is wrong with it.
    static Result<QString> normalise(const QString& name);
    /// The parent of a normalised name: "a.b.example." -> "b.example.", "example." -> ".",
    /// "." -> "" (the root has none).
    static QString parent(const QString& normalised);
    /// Whether normalised `name` equals `zone` or lies below it ("www.example.com." is below "example.com.").
    static bool isSameOrBelow(const QString& name, const QString& zone);
    /// Number of labels of a normalised name ("." has 0).
    static int labelCount(const QString& normalised);
    /// For messages to people: without the trailing dot ("www.example.com"); the root stays ".".
    static QString display(const QString& normalised);
};

} // namespace certdeck::dns
