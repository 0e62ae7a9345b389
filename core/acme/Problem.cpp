// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/Problem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>

namespace certdeck::acme {

namespace {
const QString kAcmePrefix = QStringLiteral("urn:ietf:params:acme:error:");

QString sanitize(const QString& s) {
    // Server text goes into logs and dialogs: keep it printable and bounded.
    QString out;
    out.reserve(std::min<qsizetype>(s.size(), 1000));
    for (QChar c : s.left(1000))
        out.append(c.isPrint() || c == QLatin1Char(' ') ? c : QChar(QLatin1Char(' ')));
    return out;
}
} // namespace

QString Problem::shortType() const {
    return type.startsWith(kAcmePrefix) ? type.mid(kAcmePrefix.size()) : type;
}

Problem Problem::fromJson(const QJsonObject& o) {
    Problem p;
    p.type = o.value(QStringLiteral("type")).toString().left(200);
    p.detail = sanitize(o.value(QStringLiteral("detail")).toString());
    p.status = o.value(QStringLiteral("status")).toInt();
    p.instance = o.value(QStringLiteral("instance")).toString().left(2000);
    const QJsonObject id = o.value(QStringLiteral("identifier")).toObject();
    p.identifier = id.value(QStringLiteral("value")).toString().left(300);
    const QJsonArray subs = o.value(QStringLiteral("subproblems")).toArray();
    for (qsizetype i = 0; i < subs.size() && i < 100; ++i)
        p.subproblems.append(fromJson(subs.at(i).toObject()));
    return p;
}

Problem Problem::fromBody(const QByteArray& body, int httpStatus) {
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject() && doc.object().contains(QStringLiteral("type"))) {
        Problem p = fromJson(doc.object());
        if (p.status == 0)
            p.status = httpStatus;
        return p;
    }
    Problem p;
    p.type = kAcmePrefix + QStringLiteral("serverInternal");
    p.status = httpStatus;
    p.detail = QObject::tr("HTTP status %1 without a problem document").arg(httpStatus);
    return p;
}

Error problemToError(const Problem& problem, const QString& context) {
    const QString t = problem.shortType();
    QString detail = problem.type + QStringLiteral(": ") + problem.detail;
    for (const auto& sub : problem.subproblems)
        detail += QStringLiteral("\n  ") + sub.identifier + QStringLiteral(": ") + sub.shortType() +
                  QStringLiteral(": ") + sub.detail;
    const QString who = problem.identifier.isEmpty() && problem.subproblems.size() == 1
                            ? problem.subproblems.first().identifier
                            : problem.identifier;
    const QString forName = who.isEmpty() ? QString() : QObject::tr(" for %1").arg(who);

    auto make = [&](ErrorCode code, const QString& message) {
        return Error(code, message, detail, context);
    };
    if (t == QLatin1String("caa"))
        return make(ErrorCode::AcmeCaa,
                    QObject::tr("The CA may not issue%1: a DNS CAA record forbids it. Add a CAA record allowing this "
                                "CA (or remove the restrictive one), then try again.")
                        .arg(forName));
    if (t == QLatin1String("dns"))
        return make(ErrorCode::AcmeDns,
                    QObject::tr("The CA could not look up the DNS records%1. Check that the name exists and its "
                                "nameservers answer.")
                        .arg(forName));
    if (t == QLatin1String("connection"))
        return make(ErrorCode::AcmeConnection,
                    QObject::tr("The CA could not connect to your server%1 to validate it. Check that the name points "
                                "at the server, port 80 is open and reachable from the internet.")
                        .arg(forName));
    if (t == QLatin1String("unauthorized"))
        return make(ErrorCode::AcmeUnauthorized,
                    QObject::tr("Validation failed%1: the CA did not find the expected answer. For http-01 check the "
                                "webroot is the one the site serves; for dns-01 check the TXT record.")
                        .arg(forName));
    if (t == QLatin1String("incorrectResponse"))
        return make(
            ErrorCode::AcmeUnauthorized,
            QObject::tr("Validation failed%1: the server answered the challenge with the wrong content.").arg(forName));
    if (t == QLatin1String("rateLimited"))
        return make(ErrorCode::AcmeRateLimited,
                    QObject::tr("The CA's rate limit was reached. Wait before trying again; use the staging CA for "
                                "tests."));
    if (t == QLatin1String("rejectedIdentifier"))
        return make(ErrorCode::AcmeRejectedIdentifier,
                    QObject::tr("The CA will not issue certificates%1 (its policy rejects this name).").arg(forName));
    if (t == QLatin1String("badCSR"))
        return make(ErrorCode::AcmeBadCsr,
                    QObject::tr("The CA rejected the certificate request (CSR). Try another key type."));
    if (t == QLatin1String("externalAccountRequired"))
        return make(ErrorCode::AcmeExternalAccountRequired,
                    QObject::tr("This CA requires External Account Binding: enter the key ID and HMAC key from your "
                                "account page at the CA."));
    if (t == QLatin1String("userActionRequired"))
        return make(
            ErrorCode::AcmeUserActionRequired,
            problem.instance.isEmpty()
                ? QObject::tr("The CA requires an action from you (often agreeing to new terms).")
                : QObject::tr("The CA requires an action from you: visit %1, then try again.").arg(problem.instance));
    if (t == QLatin1String("badNonce"))
        return make(ErrorCode::AcmeBadNonce, QObject::tr("The CA kept rejecting our request tokens (nonces). Try "
                                                         "again later."));
    if (t == QLatin1String("accountDoesNotExist"))
        return make(ErrorCode::AcmeAccountDoesNotExist,
                    QObject::tr("The CA does not know this account key. Register an account first."));
    if (t == QLatin1String("orderNotReady"))
        return make(ErrorCode::AcmeOrderNotReady, QObject::tr("The order is not ready to be finalized yet."));
    if (t == QLatin1String("alreadyRevoked"))
        return make(ErrorCode::AcmeAlreadyRevoked, QObject::tr("This certificate is already revoked."));
    if (t == QLatin1String("badRevocationReason"))
        return make(ErrorCode::InvalidInput, QObject::tr("The CA does not accept this revocation reason."));
    if (t == QLatin1String("compound") && !problem.subproblems.isEmpty())
        return problemToError(problem.subproblems.first(), context);
    if (t == QLatin1String("malformed") || t == QLatin1String("badPublicKey") ||
        t == QLatin1String("badSignatureAlgorithm") || t == QLatin1String("unsupportedIdentifier") ||
        t == QLatin1String("unsupportedContact") || t == QLatin1String("invalidContact"))
        return make(ErrorCode::InvalidInput, QObject::tr("The CA refused the request: %1").arg(problem.detail));
    return make(ErrorCode::Acme, QObject::tr("The CA reported a problem (%1): %2").arg(t, problem.detail));
}

} // namespace certdeck::acme
