// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dns/DnsRecord.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace certdeck::dns {

/// The value of a CAA `issue` / `issuewild` property (RFC 8659 §4.2), parsed:
/// `issuer-domain-name *(";" parameter)`; an empty issuer (";") forbids issuance.
struct CaaIssuerValue {
    bool valid = false;                        ///< false: the value breaks the grammar (it then authorises nobody)
    QString issuerDomain;                      ///< lower-case; empty: "no CA may issue"
    QList<QPair<QString, QString>> parameters; ///< tag (lower-case) -> value, in order

    /// Every value of the parameter `tag` (case-insensitive).
    [[nodiscard]] QStringList parameterValues(const QString& tag) const;
    static CaaIssuerValue parse(const QString& value);
};

/// What is asked: may this CA issue for this name, with this account and method?
struct CaaQuestion {
    /// The name as ordered, normalised or not; "*.example.com" asks for a wildcard.
    QString name;
    /// The CA's CAA identities (the directory's meta.caaIdentities, RFC 8555 §9.7.6). Empty: unknown CA.
    QStringList caIdentities;
    /// The account URL the order is made with (RFC 8657 §3). Empty: not known yet.
    QString accountUri;
    /// "http-01", "dns-01", "tls-alpn-01" (RFC 8657 §4). Empty: not chosen yet.
    QString validationMethod;
};

/// The outcome of evaluating one relevant CAA RRset.
struct CaaVerdict {
    enum class Outcome {
        NoPolicy,  ///< no CAA record (or none constraining issuance): any CA may issue
        Allowed,   ///< a property authorises this CA (with this account and method)
        Forbidden, ///< the CA must not issue (RFC 8659 §4)
        Unknown,   ///< depends on what is not known yet (the CA, the account URL or the method)
    };
    Outcome outcome = Outcome::NoPolicy;
    /// One sentence for people: why.
    QString reason;
    /// Where the relevant RRset lives (normalised), empty for NoPolicy with no records.
    QString owner;
    /// For Forbidden / Unknown: the exact record that would allow issuance
    /// (`example.com. CAA 0 issue "letsencrypt.org; accounturi=…"`), empty when none can be given.
    QString recordToAdd;
};

/// CAA evaluation per RFC 8659 §4 with the RFC 8657 parameters `accounturi` and
/// `validationmethods`. Pure and thread-safe; finding the relevant RRset (climbing to parents,
/// following CNAMEs) is CaaLookup's job.
///
/// Rules, in order: a critical flag on an unknown tag forbids all issuance (§4.1, §5.4); for a
/// wildcard name `issuewild` properties are used when any exist, else `issue` (§4.3); with no
/// usable properties there is no restriction; otherwise one property must name one of the CA's
/// identities (case-insensitively), be well-formed, and satisfy its `accounturi` (exact match,
/// at most one such parameter: RFC 8657 §3) and `validationmethods` (comma list naming the method,
/// at most one: §4).
class CaaPolicy {
public:
    /// `owner` is where `records` were found (empty when no CAA record exists up to the root).
    static CaaVerdict evaluate(const CaaQuestion& question, const QString& owner, const QList<DnsRecord>& records);
    /// Tags this implementation understands (RFC 8659 §4, RFC 9495, CA/B BR contact tags).
    static bool isKnownTag(const QString& tag);
};

} // namespace certdeck::dns
