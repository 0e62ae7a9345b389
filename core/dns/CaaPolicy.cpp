// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dns/CaaPolicy.h"

#include "core/dns/DnsName.h"

#include <QObject>
#include <QRegularExpression>

namespace certdeck::dns {

namespace {

// RFC 8659 §4.2: label = (ALPHA / DIGIT) *( *("-") (ALPHA / DIGIT)); the same shape for tags.
bool isLabel(const QString& s) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9](?:-*[A-Za-z0-9])*$"));
    return re.match(s).hasMatch();
}

bool isDomain(const QString& s) {
    const QStringList labels = s.split(QLatin1Char('.'));
    for (const QString& l : labels) {
        if (!isLabel(l))
            return false;
    }
    return !labels.isEmpty();
}

// value = *(%x21-3A / %x3C-7E): visible characters except ';'.
bool isParameterValue(const QString& s) {
    for (const QChar c : s) {
        const ushort u = c.unicode();
        if (u < 0x21 || u > 0x7e || u == ';')
            return false;
    }
    return true;
}

QString quoted(const QStringList& items) {
    QStringList out;
    for (const QString& i : items)
        out << QLatin1Char('"') + i + QLatin1Char('"');
    return out.join(QLatin1String(", "));
}

enum class Match { Yes, NoIssuer, AccountMismatch, MethodExcluded, NeedAccount, NeedMethod, Unsatisfiable };

Match matchProperty(const CaaIssuerValue& v, const CaaQuestion& q) {
    if (!v.valid)
        return Match::NoIssuer;
    bool known = false;
    for (const QString& id : q.caIdentities)
        known = known || id.compare(v.issuerDomain, Qt::CaseInsensitive) == 0;
    if (v.issuerDomain.isEmpty() || !known)
        return Match::NoIssuer;
    // RFC 8657 §3: more than one accounturi parameter cannot be satisfied; §4 likewise.
    const QStringList accounts = v.parameterValues(QStringLiteral("accounturi"));
    const QStringList methodLists = v.parameterValues(QStringLiteral("validationmethods"));
    if (accounts.size() > 1 || methodLists.size() > 1)
        return Match::Unsatisfiable;
    if (accounts.size() == 1) {
        if (q.accountUri.isEmpty())
            return Match::NeedAccount;
        if (accounts.first() != q.accountUri) // §3: exact string comparison
            return Match::AccountMismatch;
    }
    if (methodLists.size() == 1) {
        if (q.validationMethod.isEmpty())
            return Match::NeedMethod;
        const QStringList methods = methodLists.first().split(QLatin1Char(','));
        bool found = false;
        for (const QString& m : methods)
            found = found || m.trimmed().compare(q.validationMethod, Qt::CaseInsensitive) == 0;
        if (!found)
            return Match::MethodExcluded;
    }
    return Match::Yes;
}

} // namespace

QStringList CaaIssuerValue::parameterValues(const QString& tag) const {
    QStringList out;
    for (const auto& [t, v] : parameters) {
        if (t.compare(tag, Qt::CaseInsensitive) == 0)
            out << v;
    }
    return out;
}

CaaIssuerValue CaaIssuerValue::parse(const QString& value) {
    // RFC 8659 §4.2: issue-value = *WSP [issuer-domain-name *WSP] [";" *WSP [parameters *WSP]]
    CaaIssuerValue out;
    const QStringList parts = value.split(QLatin1Char(';'));
    const QString issuer = parts.first().trimmed();
    if (!issuer.isEmpty() && !isDomain(issuer))
        return out;
    out.issuerDomain = issuer.toLower();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString p = parts.at(i).trimmed();
        if (p.isEmpty()) {
            // Only "issuer;" (no parameters at all) may leave an empty part, and only at the end.
            if (i == parts.size() - 1 && i == 1)
                continue;
            return CaaIssuerValue{};
        }
        const qsizetype eq = p.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return CaaIssuerValue{};
        const QString tag = p.left(eq).trimmed();
        const QString v = p.mid(eq + 1).trimmed();
        if (!isLabel(tag) || !isParameterValue(v))
            return CaaIssuerValue{};
        out.parameters.append({tag.toLower(), v});
    }
    out.valid = true;
    return out;
}

bool CaaPolicy::isKnownTag(const QString& tag) {
    static const QStringList known{QStringLiteral("issue"),       QStringLiteral("issuewild"),
                                   QStringLiteral("iodef"),       QStringLiteral("issuemail"),
                                   QStringLiteral("issuevmc"),    QStringLiteral("contactemail"),
                                   QStringLiteral("contactphone")};
    return known.contains(tag.toLower());
}

CaaVerdict CaaPolicy::evaluate(const CaaQuestion& question, const QString& owner, const QList<DnsRecord>& records) {
    CaaVerdict verdict;
    verdict.owner = owner;
    const QString ownerText = DnsName::display(owner);
    if (records.isEmpty()) {
        verdict.outcome = CaaVerdict::Outcome::NoPolicy;
        verdict.reason = QObject::tr("No CAA record restricts which CA may issue for %1.").arg(question.name);
        return verdict;
    }
    // RFC 8659 §4.1: a critical property the CA does not understand forbids issuance outright.
    for (const DnsRecord& r : records) {
        if ((r.caaFlags & 0x80) && !isKnownTag(r.caaTag)) {
            verdict.outcome = CaaVerdict::Outcome::Forbidden;
            verdict.reason = QObject::tr("The CAA record at %1 has the tag \"%2\" marked critical, which no CA "
                                         "understands: every CA must refuse to issue. Remove that record or clear "
                                         "its critical flag.")
                                 .arg(ownerText, r.caaTag);
            return verdict;
        }
    }
    const bool wildcard = question.name.startsWith(QLatin1String("*."));
    QList<CaaIssuerValue> issue;
    QList<CaaIssuerValue> issuewild;
    for (const DnsRecord& r : records) {
        if (r.caaTag.compare(QLatin1String("issue"), Qt::CaseInsensitive) == 0)
            issue << CaaIssuerValue::parse(r.caaValue);
        else if (r.caaTag.compare(QLatin1String("issuewild"), Qt::CaseInsensitive) == 0)
            issuewild << CaaIssuerValue::parse(r.caaValue);
    }
    // §4.3: issuewild, when present, replaces issue for wildcard names; §4.2: it is ignored otherwise.
    const bool useWild = wildcard && !issuewild.isEmpty();
    const QList<CaaIssuerValue>& props = useWild ? issuewild : issue;
    const QString tag = useWild ? QStringLiteral("issuewild") : QStringLiteral("issue");
    if (props.isEmpty()) {
        verdict.outcome = CaaVerdict::Outcome::NoPolicy;
        verdict.reason = QObject::tr("The CAA records at %1 do not restrict issuance for %2 (no \"%3\" property).")
                             .arg(ownerText, question.name, tag);
        return verdict;
    }

    QStringList allowedIssuers;
    bool needAccount = false, needMethod = false, accountMismatch = false, methodExcluded = false,
         unsatisfiable = false, usesMethods = false;
    for (const CaaIssuerValue& v : props) {
        if (v.valid && !v.issuerDomain.isEmpty() && !allowedIssuers.contains(v.issuerDomain))
            allowedIssuers << v.issuerDomain;
        switch (matchProperty(v, question)) {
        case Match::Yes:
            verdict.outcome = CaaVerdict::Outcome::Allowed;
            verdict.reason = QObject::tr("The CAA records at %1 allow %2 to issue for %3.")
                                 .arg(ownerText, v.issuerDomain, question.name);
            return verdict;
        case Match::NeedAccount:
            needAccount = true;
            break;
        case Match::NeedMethod:
            needMethod = true;
            usesMethods = true;
            break;
        case Match::AccountMismatch:
            accountMismatch = true;
            break;
        case Match::MethodExcluded:
            methodExcluded = true;
            usesMethods = true;
            break;
        case Match::Unsatisfiable:
            unsatisfiable = true;
            break;
        case Match::NoIssuer:
            break;
        }
    }

    // The record that would allow this CA, account and method (the issue's promised advice).
    if (!question.caIdentities.isEmpty()) {
        QString value = question.caIdentities.first();
        if (!question.accountUri.isEmpty())
            value += QStringLiteral("; accounturi=") + question.accountUri;
        if (usesMethods && !question.validationMethod.isEmpty())
            value += QStringLiteral("; validationmethods=") + question.validationMethod;
        verdict.recordToAdd = QStringLiteral("%1 CAA 0 %2 \"%3\"").arg(owner, tag, value);
    }

    if (question.caIdentities.isEmpty()) {
        verdict.outcome = CaaVerdict::Outcome::Unknown;
        verdict.reason =
            allowedIssuers.isEmpty()
                ? QObject::tr("The CAA records at %1 forbid every CA to issue for %2.").arg(ownerText, question.name)
                : QObject::tr("The CAA records at %1 allow only %2 to issue for %3; choose a CA to "
                              "check against.")
                      .arg(ownerText, quoted(allowedIssuers), question.name);
        if (allowedIssuers.isEmpty())
            verdict.outcome = CaaVerdict::Outcome::Forbidden;
        return verdict;
    }
    if (needAccount || needMethod) {
        verdict.outcome = CaaVerdict::Outcome::Unknown;
        verdict.reason = needAccount ? QObject::tr("The CAA records at %1 allow %2 only for a given account "
                                                   "(accounturi); the account to be used is not known yet.")
                                           .arg(ownerText, question.caIdentities.first())
                                     : QObject::tr("The CAA records at %1 allow %2 only with certain validation "
                                                   "methods; the method is not chosen yet.")
                                           .arg(ownerText, question.caIdentities.first());
        return verdict;
    }
    verdict.outcome = CaaVerdict::Outcome::Forbidden;
    if (accountMismatch)
        verdict.reason = QObject::tr("The CAA records at %1 allow %2 only for another account than %3.")
                             .arg(ownerText, question.caIdentities.first(), question.accountUri);
    else if (methodExcluded)
        verdict.reason = QObject::tr("The CAA records at %1 do not allow %2 to validate with %3.")
                             .arg(ownerText, question.caIdentities.first(), question.validationMethod);
    else if (unsatisfiable)
        verdict.reason = QObject::tr("The CAA record at %1 for %2 repeats accounturi or validationmethods and can "
                                     "never be satisfied.")
                             .arg(ownerText, question.caIdentities.first());
    else if (allowedIssuers.isEmpty())
        verdict.reason =
            QObject::tr("The CAA records at %1 forbid every CA to issue for %2.").arg(ownerText, question.name);
    else
        verdict.reason = QObject::tr("The CAA records at %1 allow only %2 to issue for %3, not %4.")
                             .arg(ownerText, quoted(allowedIssuers), question.name, question.caIdentities.first());
    return verdict;
}

} // namespace certdeck::dns
