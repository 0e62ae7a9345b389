// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/ShowCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/StoreSupport.h"
#include "core/workflow/RenewCertificate.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace certdeck::cli {

QCoro::Task<int> ShowCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The certificate's name (see 'list')."));
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    if (p.positionalArguments().size() != 1)
        co_return reportError(ctx, Error(ErrorCode::InvalidInput, QObject::tr("Give one certificate name.")));
    auto store = openStore(ctx);
    if (!store)
        co_return reportError(ctx, store.error());
    auto lineage = (*store)->lineages().byName(p.positionalArguments().first());
    if (!lineage)
        co_return reportError(ctx, lineage.error());
    auto history = (*store)->certificates().history(lineage->id);
    if (!history)
        co_return reportError(ctx, history.error());
    auto events = (*store)->events().recent(10, lineage->id);
    if (!events)
        co_return reportError(ctx, events.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const store::CertificateRecord* current = history->isEmpty() ? nullptr : &history->first();
    const schedule::RenewalPlanner planner;
    const auto decision = planner.decide(workflow::renewalStateFor(*lineage, current), now);
    const QString nextRenewal = decision.action == schedule::RenewalDecision::Action::Paused
                                    ? QStringLiteral("paused")
                                    : decision.at.toString(Qt::ISODate);
    const store::KeyVault& vault = (*store)->vault();

    if (ctx.json) {
        QJsonArray versions;
        for (const auto& c : *history)
            versions.append(QJsonObject{{QStringLiteral("version"), c.version},
                                        {QStringLiteral("serial"), c.serial},
                                        {QStringLiteral("sha256"), c.sha256},
                                        {QStringLiteral("notBefore"), c.notBefore.toString(Qt::ISODate)},
                                        {QStringLiteral("notAfter"), c.notAfter.toString(Qt::ISODate)},
                                        {QStringLiteral("issuer"), c.issuer},
                                        {QStringLiteral("source"), c.source}});
        QJsonArray log;
        for (const auto& e : *events)
            log.append(eventJson(e));
        QJsonObject challenge = lineage->challenge;
        printJson(ctx, QJsonObject{{QStringLiteral("ok"), true},
                                   {QStringLiteral("name"), lineage->name},
                                   {QStringLiteral("names"), QJsonArray::fromStringList(lineage->names)},
                                   {QStringLiteral("ca"), lineage->directoryUrl.toString()},
                                   {QStringLiteral("keyType"), lineage->keyType},
                                   {QStringLiteral("profile"), lineage->profile},
                                   {QStringLiteral("challenge"), challenge},
                                   {QStringLiteral("autoRenew"), lineage->autoRenew},
                                   {QStringLiteral("nextRenewal"), nextRenewal},
                                   {QStringLiteral("paused"), lineage->pausedReason},
                                   {QStringLiteral("failures"), lineage->failureCount},
                                   {QStringLiteral("live"), vault.liveDir(lineage->name)},
                                   {QStringLiteral("versions"), versions},
                                   {QStringLiteral("events"), log}});
        co_return 0;
    }
    QTextStream& o = *ctx.out;
    o << "Name:          " << lineage->name << '\n'
      << "Names:         " << lineage->names.join(QStringLiteral(", ")) << '\n'
      << "CA:            " << lineage->directoryUrl.toDisplayString() << '\n'
      << "Key type:      " << lineage->keyType << '\n';
    if (!lineage->profile.isEmpty())
        o << "Profile:       " << lineage->profile << '\n';
    o << "Validation:    " << lineage->challenge.value(QStringLiteral("method")).toString() << '\n'
      << "Auto-renew:    " << (lineage->autoRenew ? "yes" : "no") << '\n';
    if (current) {
        o << "Expires:       " << current->notAfter.toString(Qt::ISODate) << " ("
          << describeExpiry(current->notAfter, now) << ")\n"
          << "Issuer:        " << current->issuer << '\n'
          << "Serial:        " << current->serial << '\n'
          << "SHA-256:       " << current->sha256 << '\n';
    }
    o << "Next renewal:  " << nextRenewal << " (" << decision.reason << ")\n";
    if (!lineage->pausedReason.isEmpty())
        o << "PAUSED:        " << lineage->pausedReason << '\n';
    else if (lineage->failureCount > 0)
        o << "Failures:      " << lineage->failureCount << " in a row\n";
    o << "Files:         " << vault.liveDir(lineage->name) << "/{cert,chain,fullchain,privkey}.pem\n";
    o << "\nHistory:\n";
    for (const auto& c : *history)
        o << "  v" << c.version << "  " << c.notBefore.toString(Qt::ISODate) << " .. "
          << c.notAfter.toString(Qt::ISODate) << "  " << c.source << "  " << c.serial << '\n';
    if (!events->isEmpty()) {
        o << "\nRecent events:\n";
        for (const auto& e : *events)
            o << "  " << e.at.toString(Qt::ISODate) << "  " << e.kind << "  " << e.message << '\n';
    }
    co_return 0;
}

} // namespace certdeck::cli
