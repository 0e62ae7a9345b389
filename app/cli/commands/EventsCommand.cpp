// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/EventsCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/StoreSupport.h"

#include <QJsonArray>

namespace certdeck::cli {

QCoro::Task<int> EventsCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("How many (default 50)."),
                                   QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption certificate(QStringLiteral("name"), QStringLiteral("Only this certificate's events."),
                                         QStringLiteral("NAME"));
    const QCommandLineOption since(QStringLiteral("since"), QStringLiteral("Only events since this ISO 8601 time."),
                                   QStringLiteral("TIME"));
    const QCommandLineOption failures(QStringLiteral("failures"), QStringLiteral("Only failures."));
    p.addOptions({limit, certificate, since, failures});
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    bool ok = false;
    const int n = p.value(limit).toInt(&ok);
    if (!ok || n < 1)
        co_return reportError(ctx, Error(ErrorCode::InvalidInput, QObject::tr("--limit takes a positive number.")));
    QDateTime from;
    if (p.isSet(since)) {
        from = QDateTime::fromString(p.value(since), Qt::ISODate);
        if (!from.isValid())
            co_return reportError(ctx, Error(ErrorCode::InvalidInput, QObject::tr("--since takes an ISO 8601 time.")));
    }
    auto store = openStore(ctx);
    if (!store)
        co_return reportError(ctx, store.error());
    qint64 lineageId = 0;
    if (p.isSet(certificate)) {
        auto l = (*store)->lineages().byName(p.value(certificate));
        if (!l)
            co_return reportError(ctx, l.error());
        lineageId = l->id;
    }
    auto events = (*store)->events().recent(p.isSet(failures) ? 100000 : n, lineageId, from);
    if (!events)
        co_return reportError(ctx, events.error());
    QJsonArray list;
    int shown = 0;
    for (const auto& e : *events) {
        if (p.isSet(failures) && !e.isFailure())
            continue;
        if (shown++ >= n)
            break;
        if (ctx.json) {
            list.append(eventJson(e));
            continue;
        }
        *ctx.out << e.at.toString(Qt::ISODate) << "  " << e.kind.leftJustified(16) << ' ' << e.subject.leftJustified(28)
                 << ' ' << e.message << '\n';
        if (ctx.verbose && !e.errorDetail.isEmpty())
            *ctx.out << "    detail: " << e.errorDetail << '\n';
    }
    if (ctx.json)
        printJson(ctx, QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("events"), list}});
    co_return 0;
}

} // namespace certdeck::cli
