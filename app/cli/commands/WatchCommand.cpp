// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/WatchCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/StoreSupport.h"
#include "core/acme/Identifier.h"

#include <QJsonArray>

namespace certdeck::cli {

namespace {
/// HOST, HOST:PORT, [V6]:PORT or a bare IPv6 address.
Result<store::EndpointRecord> parseEndpoint(const QString& text, const QString& sni) {
    store::EndpointRecord e;
    QString host = text;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return Error(ErrorCode::InvalidInput, QObject::tr("'%1' is not HOST[:PORT].").arg(text));
        host = text.mid(1, close - 1);
        if (text.mid(close + 1).startsWith(QLatin1Char(':')))
            e.port = text.mid(close + 2).toInt();
    } else if (text.count(QLatin1Char(':')) == 1) {
        host = text.section(QLatin1Char(':'), 0, 0);
        bool ok = false;
        e.port = text.section(QLatin1Char(':'), 1).toInt(&ok);
        if (!ok)
            e.port = 0;
    }
    if (e.port <= 0 || e.port > 65535)
        return Error(ErrorCode::InvalidInput, QObject::tr("'%1': the port must be 1 to 65535.").arg(text));
    auto parsed = parseHost(host);
    if (!parsed)
        return parsed.error();
    e.host = *parsed;
    if (!sni.isEmpty()) {
        auto s = acme::Identifier::parse(sni);
        if (!s || s->type != acme::Identifier::Type::Dns)
            return Error(ErrorCode::InvalidInput, QObject::tr("--sni needs a host name."));
        e.serverName = s->value;
    }
    return e;
}
} // namespace

QCoro::Task<int> WatchCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("add | list | remove"));
    p.addPositionalArgument(QStringLiteral("endpoint"), QStringLiteral("HOST[:PORT] (port 443 by default)"));
    const QCommandLineOption sni(QStringLiteral("sni"), QStringLiteral("Server name to ask for (default: the host)."),
                                 QStringLiteral("NAME"));
    p.addOption(sni);
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    const QStringList args = p.positionalArguments();
    const QString action = args.value(0);
    if (action != QLatin1String("add") && action != QLatin1String("list") && action != QLatin1String("remove"))
        co_return reportError(ctx, Error(ErrorCode::InvalidInput, QObject::tr("Say what to do: add, list or remove.")));
    auto store = openStore(ctx);
    if (!store)
        co_return reportError(ctx, store.error());
    auto& endpoints = (*store)->endpoints();
    if (action == QLatin1String("list")) {
        auto all = endpoints.all();
        if (!all)
            co_return reportError(ctx, all.error());
        QJsonArray list;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const auto& e : *all) {
            if (ctx.json) {
                list.append(QJsonObject{{QStringLiteral("host"), e.host},
                                        {QStringLiteral("port"), e.port},
                                        {QStringLiteral("sni"), e.serverName},
                                        {QStringLiteral("lastScanned"), e.lastScannedAt.toString(Qt::ISODate)},
                                        {QStringLiteral("notAfter"), e.lastNotAfter.toString(Qt::ISODate)},
                                        {QStringLiteral("error"), e.lastError}});
            } else {
                *ctx.out << e.display().leftJustified(40) << ' '
                         << (e.lastScannedAt.isValid() ? describeExpiry(e.lastNotAfter, now)
                                                       : QStringLiteral("not scanned yet"))
                         << (e.lastError.isEmpty() ? QString() : QStringLiteral("  ") + e.lastError) << '\n';
            }
        }
        if (ctx.json)
            printJson(ctx, QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("endpoints"), list}});
        co_return 0;
    }
    if (args.size() < 2)
        co_return reportError(ctx, Error(ErrorCode::InvalidInput, QObject::tr("Give at least one HOST[:PORT].")));
    QJsonArray done;
    for (const QString& text : args.mid(1)) {
        QString withPort = text;
        if (!text.contains(QLatin1Char(':')) ||
            (text.count(QLatin1Char(':')) > 1 && !text.startsWith(QLatin1Char('['))))
            withPort = (text.contains(QLatin1Char(':')) ? QLatin1Char('[') + text + QLatin1Char(']') : text) +
                       QStringLiteral(":443");
        auto e = parseEndpoint(withPort, p.value(sni));
        if (!e)
            co_return reportError(ctx, e.error());
        if (action == QLatin1String("add")) {
            if (auto r = endpoints.add(*e); !r)
                co_return reportError(ctx, r.error());
        } else if (auto s = endpoints.remove(e->host, e->port, e->serverName); !s) {
            co_return reportError(ctx, s.error());
        }
        done.append(e->display());
        if (!ctx.json)
            *ctx.out << (action == QLatin1String("add") ? "Watching " : "No longer watching ") << e->display() << '\n';
    }
    if (ctx.json)
        printJson(ctx, QJsonObject{{QStringLiteral("ok"), true}, {action, done}});
    co_return 0;
}

} // namespace certdeck::cli
