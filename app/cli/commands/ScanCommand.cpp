// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/ScanCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/StoreSupport.h"
#include "core/acme/Identifier.h"
#include "core/monitor/EndpointScanner.h"

#include <QFile>
#include <QJsonArray>

namespace certdeck::cli {

namespace {
Result<monitor::TlsProbe::Options> parseTarget(const QString& text) {
    monitor::TlsProbe::Options o;
    QString host = text;
    QString port;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return Error(ErrorCode::InvalidInput, QObject::tr("'%1' is not HOST[:PORT].").arg(text));
        host = text.mid(1, close - 1);
        if (text.mid(close + 1).startsWith(QLatin1Char(':')))
            port = text.mid(close + 2);
    } else if (text.count(QLatin1Char(':')) == 1) {
        host = text.section(QLatin1Char(':'), 0, 0);
        port = text.section(QLatin1Char(':'), 1);
    }
    if (!port.isEmpty()) {
        bool ok = false;
        const uint p = port.toUInt(&ok);
        if (!ok || p == 0 || p > 65535)
            return Error(ErrorCode::InvalidInput, QObject::tr("'%1': the port must be 1 to 65535.").arg(text));
        o.port = static_cast<quint16>(p);
    }
    auto parsed = parseHost(host);
    if (!parsed)
        return parsed.error();
    o.host = *parsed;
    return o;
}
} // namespace

QCoro::Task<int> ScanCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("endpoints"), QStringLiteral("HOST[:PORT]… (port 443 by default)"));
    const QCommandLineOption sni(QStringLiteral("sni"), QStringLiteral("Server name to ask for (default: the host)."),
                                 QStringLiteral("NAME"));
    const QCommandLineOption connect(QStringLiteral("connect"),
                                     QStringLiteral("Connect to this address instead of resolving the host."),
                                     QStringLiteral("ADDR"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
                                    QStringLiteral("Also trust this CA (PEM) when judging the chain."),
                                    QStringLiteral("PEM"));
    const QCommandLineOption startTls(QStringLiteral("starttls"),
                                      QStringLiteral("Upgrade a plain connection first: smtp, imap, pop3 or none "
                                                     "(default: by the port: 25 and 587 smtp, 143 imap, 110 pop3)."),
                                      QStringLiteral("PROTO"));
    p.addOptions({sni, connect, caFile, startTls});
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    QByteArray extraCa;
    if (p.isSet(caFile)) {
        QFile f(p.value(caFile));
        if (!f.open(QIODevice::ReadOnly))
            co_return reportError(ctx, Error(ErrorCode::NotFound, QObject::tr("Cannot read %1.").arg(f.fileName())));
        extraCa = f.read(1024 * 1024);
    }
    QList<monitor::TlsProbe::Options> targets;
    std::unique_ptr<store::Store> store;
    QList<store::EndpointRecord> watched;
    if (p.positionalArguments().isEmpty()) {
        auto opened = openStore(ctx);
        if (!opened)
            co_return reportError(ctx, opened.error());
        store = std::move(*opened);
        auto all = store->endpoints().all();
        if (!all)
            co_return reportError(ctx, all.error());
        watched = *all;
        if (watched.isEmpty()) {
            *ctx.err << "Nothing is watched yet: 'certdeck-cli watch add HOST[:PORT]', or give endpoints.\n";
            co_return 2;
        }
        for (const auto& e : std::as_const(watched)) {
            monitor::TlsProbe::Options o;
            o.host = e.host;
            o.port = static_cast<quint16>(e.port);
            o.serverName = e.serverName;
            targets << o;
        }
    } else {
        for (const QString& text : p.positionalArguments()) {
            auto o = parseTarget(text);
            if (!o)
                co_return reportError(ctx, o.error());
            o->serverName = p.value(sni);
            o->connectAddress = p.value(connect);
            targets << *o;
        }
    }
    std::optional<monitor::StartTls> upgrade;
    if (p.isSet(startTls)) {
        auto parsed = monitor::TlsProbe::startTlsFromName(p.value(startTls));
        if (!parsed)
            co_return reportError(ctx, parsed.error());
        upgrade = *parsed;
    }
    for (auto& t : targets) {
        t.extraCaPem = extraCa;
        t.startTls = upgrade ? *upgrade : monitor::TlsProbe::startTlsForPort(t.port);
    }

    monitor::EndpointScanner scanner;
    const CancelToken cancel;
    auto scanning = scanner.scan(targets, cancel);
    const auto results = co_await scanning;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray list;
    int exit = 0;
    for (qsizetype i = 0; i < results.size(); ++i) {
        const auto& r = results.at(i);
        const QString where = targets.at(i).host + QLatin1Char(':') + QString::number(targets.at(i).port);
        if (store && i < watched.size()) {
            store::EndpointRecord e = watched.at(i);
            e.lastScannedAt = now;
            e.lastSha256 = r ? r->leafSha256Hex : QString();
            e.lastNotAfter = r ? r->notAfter : QDateTime();
            e.lastError = r ? QString() : r.error().toString();
            if (auto s = store->endpoints().updateScan(e); !s)
                co_return reportError(ctx, s.error());
        }
        if (!r) {
            exit = exitCodeFor(r.error().code);
            if (ctx.json)
                list.append(QJsonObject{{QStringLiteral("endpoint"), where},
                                        {QStringLiteral("error"), errorCodeName(r.error().code)},
                                        {QStringLiteral("message"), r.error().toString()}});
            else
                *ctx.out << where << "  ERROR  " << r.error().toString() << '\n';
            continue;
        }
        if (ctx.json) {
            list.append(QJsonObject{{QStringLiteral("endpoint"), where},
                                    {QStringLiteral("subject"), r->subject},
                                    {QStringLiteral("issuer"), r->issuer},
                                    {QStringLiteral("names"), QJsonArray::fromStringList(r->dnsNames)},
                                    {QStringLiteral("notAfter"), r->notAfter.toString(Qt::ISODate)},
                                    {QStringLiteral("daysLeft"), static_cast<double>(r->daysLeft(now))},
                                    {QStringLiteral("sha256"), r->leafSha256Hex},
                                    {QStringLiteral("chainLength"), static_cast<int>(r->chainDer.size())},
                                    {QStringLiteral("protocol"), r->protocol},
                                    {QStringLiteral("starttls"), r->startTls},
                                    {QStringLiteral("trusted"), r->trusted},
                                    {QStringLiteral("problems"), QJsonArray::fromStringList(r->verificationErrors)}});
        } else {
            *ctx.out << where << "  expires " << r->notAfter.toString(Qt::ISODate) << " ("
                     << describeExpiry(r->notAfter, now) << ")  " << (r->trusted ? "trusted" : "NOT TRUSTED") << "  "
                     << r->dnsNames.join(QLatin1Char(',')) << "  issuer: " << r->issuer
                     << "  chain: " << r->chainDer.size() << "  " << r->protocol
                     << (r->startTls.isEmpty() ? QString() : QStringLiteral(" (STARTTLS %1)").arg(r->startTls)) << '\n';
            for (const QString& problem : r->verificationErrors)
                *ctx.out << "    " << problem << '\n';
        }
    }
    if (ctx.json)
        printJson(ctx, QJsonObject{{QStringLiteral("ok"), exit == 0}, {QStringLiteral("results"), list}});
    co_return exit;
}

} // namespace certdeck::cli
