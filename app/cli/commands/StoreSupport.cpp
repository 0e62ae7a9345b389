// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/StoreSupport.h"

#include "app/cli/commands/CommandSupport.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace certdeck::cli {

Result<std::unique_ptr<store::Store>> openStore(const CliContext& ctx) {
    return store::Store::open(dataDirFor(ctx));
}

QString describeExpiry(const QDateTime& notAfter, const QDateTime& now) {
    if (!notAfter.isValid())
        return QStringLiteral("-");
    const qint64 secs = now.secsTo(notAfter);
    const qint64 days = secs / 86400;
    if (secs < 0)
        return QObject::tr("expired %n day(s) ago", nullptr, static_cast<int>(-days));
    if (days == 0)
        return QObject::tr("in %n hour(s)", nullptr, static_cast<int>(secs / 3600));
    return QObject::tr("in %n day(s)", nullptr, static_cast<int>(days));
}

QJsonObject summaryJson(const store::LineageSummary& s, const QDateTime& now) {
    QJsonObject o{{QStringLiteral("name"), s.name},
                  {QStringLiteral("names"), QJsonArray::fromStringList(s.names)},
                  {QStringLiteral("autoRenew"), s.autoRenew},
                  {QStringLiteral("version"), s.version},
                  {QStringLiteral("failures"), s.failureCount}};
    if (s.notAfter.isValid()) {
        o.insert(QStringLiteral("notBefore"), s.notBefore.toString(Qt::ISODate));
        o.insert(QStringLiteral("notAfter"), s.notAfter.toString(Qt::ISODate));
        o.insert(QStringLiteral("daysLeft"), static_cast<double>(now.secsTo(s.notAfter) / 86400));
        o.insert(QStringLiteral("issuer"), s.issuer);
    }
    if (!s.pausedReason.isEmpty())
        o.insert(QStringLiteral("paused"), s.pausedReason);
    return o;
}

QJsonObject eventJson(const store::EventRecord& e) {
    QJsonObject o{{QStringLiteral("at"), e.at.toString(Qt::ISODate)},
                  {QStringLiteral("kind"), e.kind},
                  {QStringLiteral("subject"), e.subject},
                  {QStringLiteral("message"), e.message}};
    if (e.isFailure()) {
        o.insert(QStringLiteral("error"), e.errorCode);
        o.insert(QStringLiteral("detail"), e.errorDetail);
    }
    return o;
}

Result<QString> parseHost(const QString& text) {
    const QHostAddress address(text);
    if (!address.isNull())
        return address.toString();
    const QString ace = QString::fromLatin1(QUrl::toAce(text.toLower()));
    static const QRegularExpression name(
        QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"));
    if (ace.isEmpty() || ace.size() > 253 || !name.match(ace).hasMatch())
        return Error(ErrorCode::InvalidInput, QObject::tr("'%1' is not a host name or IP address.").arg(text));
    return ace;
}

void printJson(CliContext& ctx, const QJsonObject& o) {
    *ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    ctx.out->flush();
}

} // namespace certdeck::cli
