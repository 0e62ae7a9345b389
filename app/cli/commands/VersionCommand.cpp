// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/VersionCommand.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace certdeck::cli {

QCoro::Task<int> VersionCommand::run(CliContext& ctx) {
    if (ctx.json) {
        QJsonObject o{{QStringLiteral("version"), QStringLiteral(CERTDECK_VERSION)},
                      {QStringLiteral("qt"), QString::fromLatin1(qVersion())}};
        *ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        *ctx.out << "certdeck-cli " << CERTDECK_VERSION << " (Qt " << qVersion() << ")\n";
    }
    co_return 0;
}

} // namespace certdeck::cli
