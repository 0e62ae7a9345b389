// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/ListCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/StoreSupport.h"

#include <QJsonArray>

namespace certdeck::cli {

QCoro::Task<int> ListCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    auto store = openStore(ctx);
    if (!store)
        co_return reportError(ctx, store.error());
    auto all = (*store)->lineages().summaries();
    if (!all)
        co_return reportError(ctx, all.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (ctx.json) {
        QJsonArray list;
        for (const auto& s : *all)
            list.append(summaryJson(s, now));
        printJson(ctx, QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("certificates"), list}});
        co_return 0;
    }
    if (all->isEmpty()) {
        *ctx.out << "No certificates yet: 'certdeck-cli issue -d NAME ...' gets one.\n";
        co_return 0;
    }
    QString text;
    QTextStream t(&text);
    t << QStringLiteral("NAME").leftJustified(32) << ' ' << QStringLiteral("EXPIRES").leftJustified(20) << ' '
      << QStringLiteral("STATUS").leftJustified(14) << " NAMES\n";
    for (const auto& s : *all) {
        QString status = s.autoRenew ? QStringLiteral("auto-renew") : QStringLiteral("manual");
        if (!s.pausedReason.isEmpty())
            status = QStringLiteral("PAUSED");
        else if (s.failureCount > 0)
            status = QStringLiteral("failing (%1)").arg(s.failureCount);
        else if (!s.notAfter.isValid())
            status = QStringLiteral("not issued");
        t << s.name.leftJustified(32) << ' ' << describeExpiry(s.notAfter, now).leftJustified(20) << ' '
          << status.leftJustified(14) << ' ' << s.names.join(QLatin1Char(',')) << '\n';
    }
    t.flush();
    *ctx.out << text;
    co_return 0;
}

} // namespace certdeck::cli
