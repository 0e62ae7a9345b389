// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workflow/DeployedCheck.h"

#include "core/common/Log.h"
#include "core/monitor/TlsProbe.h"
#include "core/workflow/LineageDeployment.h"

#include <QJsonArray>
#include <QObject>

namespace certdeck::workflow {
namespace {

QString normalized(QString sha256) {
    return sha256.remove(QLatin1Char(':')).toUpper();
}

/// Already said today: a "deployed-differs" event for this target and served certificate.
bool alreadyReported(RenewalEnvironment& env, qint64 lineageId, const QString& target, const QString& served) {
    auto recent = env.store->events().recent(200, lineageId, env.clock->now().addSecs(-24 * 3600));
    if (!recent)
        return false;
    for (const store::EventRecord& e : *recent)
        if (e.kind == QLatin1String("deployed-differs") && e.message.contains(target) && e.message.contains(served))
            return true;
    return false;
}

} // namespace

QCoro::Task<QList<DeployedState>> checkDeployed(RenewalEnvironment& env, QStringList lineages, CancelToken cancel) {
    QList<DeployedState> states;
    auto all = env.store->lineages().all();
    if (!all) {
        qCWarning(lcWorkflow) << "cannot read lineages:" << all.error().toString();
        co_return states;
    }
    for (const store::Lineage& lineage : *all) {
        if (lineage.deployTargets.isEmpty() || (!lineages.isEmpty() && !lineages.contains(lineage.name)))
            continue;
        auto current = env.store->certificates().latest(lineage.id);
        if (!current)
            continue; // nothing issued yet, nothing to compare
        for (const QJsonValue& v : lineage.deployTargets) {
            if (cancel.isCancelled())
                co_return states;
            const QJsonObject entry = v.toObject();
            DeployedState state;
            state.lineage = lineage.name;
            state.target = deployTargetName(entry);
            state.storedSha256 = normalized(current->sha256);
            auto server = env.store->servers().byName(entry.value(QStringLiteral("server")).toString());
            if (!server) {
                state.error = server.error();
                states << state;
                continue;
            }
            auto target = deployTargetFromJson(entry, sshTargetFor(*server, env.store->dataDir()));
            if (!target) {
                state.error = target.error();
                states << state;
                continue;
            }
            if (!target->verify)
                continue;
            monitor::TlsProbe::Options probe = target->verifyProbe(current->names);
            probe.extraCaPem = env.deployOptions.verifyCaPem;
            state.address = QStringLiteral("%1:%2").arg(probe.host).arg(probe.port);
            auto asking = monitor::TlsProbe::probe(probe);
            auto served = co_await asking;
            if (!served) {
                state.error = served.error();
                states << state;
                continue;
            }
            state.servedSha256 = normalized(served->leafSha256Hex);
            states << state;
            if (state.matches() || alreadyReported(env, lineage.id, state.target, state.servedSha256))
                continue;

            const QString what =
                QObject::tr("%1 (%2) serves another certificate than the stored one of %3: %4, expiring %5; "
                            "stored: %6. Deploy it again with 'certdeck-cli renew %3 --deploy-only', or find out "
                            "who changed it.")
                    .arg(state.target, state.address, lineage.name, state.servedSha256,
                         served->notAfter.toString(Qt::ISODate), state.storedSha256);
            store::EventRecord e;
            e.kind = QStringLiteral("deployed-differs");
            e.lineageId = lineage.id;
            e.subject = lineage.name;
            e.message = what;
            e.at = env.clock->now();
            if (auto s = env.store->events().append(e); !s)
                qCWarning(lcWorkflow) << "cannot record event:" << s.error().toString();
            schedule::Notification note;
            note.kind = schedule::Notification::Kind::DeployedDiffers;
            note.subject = lineage.name;
            note.names = lineage.names;
            note.reason = what;
            note.notAfter = current->notAfter;
            note.at = env.clock->now();
            auto sending = sendNotification(env, note, lineage.id);
            co_await sending;
        }
    }
    co_return states;
}

} // namespace certdeck::workflow
