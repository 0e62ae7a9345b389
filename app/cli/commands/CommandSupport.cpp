// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/CommandSupport.h"

#include "core/workflow/AccountFiles.h"

#include <QFile>

namespace certdeck::cli {

bool parseCommandLine(QCommandLineParser& parser, CliContext& ctx, const QString& command, int* exitCode) {
    parser.setApplicationDescription(QStringLiteral("certdeck-cli ") + command);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("certdeck-cli ") + command} + ctx.args)) {
        *ctx.err << "error: " << parser.errorText() << "\n\n" << parser.helpText();
        *exitCode = 2;
        return false;
    }
    if (parser.isSet(help)) {
        *ctx.out << parser.helpText();
        *exitCode = 0;
        return false;
    }
    return true;
}

void printProgress(Progress& progress, CliContext& ctx) {
    QObject::connect(&progress, &Progress::stepChanged, &progress, [&ctx](const ProgressStep& step) {
        const char* mark = "  ..";
        switch (step.state) {
        case ProgressStep::State::Done:
            mark = "  ok";
            break;
        case ProgressStep::State::Failed:
            mark = "FAIL";
            break;
        case ProgressStep::State::Info:
            mark = "    ";
            break;
        case ProgressStep::State::Waiting:
            mark = "wait";
            break;
        case ProgressStep::State::Running:
            break;
        }
        *ctx.err << '[' << mark << "] " << step.text << '\n';
        ctx.err->flush();
    });
}

Result<std::unique_ptr<net::HttpClient>> makeHttpClient(const QString& caFile) {
    auto http = std::make_unique<net::HttpClient>();
    if (!caFile.isEmpty()) {
        if (auto s = http->addTrustedCertificatesFromFile(caFile); !s)
            return s.error();
    }
    return http;
}

Result<QUrl> directoryUrlFrom(const QString& server) {
    if (server == QLatin1String("letsencrypt"))
        return QUrl(QStringLiteral("https://acme-v02.api.letsencrypt.org/directory"));
    if (server == QLatin1String("letsencrypt-staging"))
        return QUrl(QStringLiteral("https://acme-staging-v02.api.letsencrypt.org/directory"));
    const QUrl u(server, QUrl::StrictMode);
    if (!u.isValid() || u.scheme() != QLatin1String("https") || u.host().isEmpty())
        return Error(
            ErrorCode::InvalidInput,
            QObject::tr("--server needs the CA's https:// directory URL (or letsencrypt, letsencrypt-staging)."));
    return u;
}

Result<QByteArray> readSecretFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound, QObject::tr("Cannot read %1.").arg(path), f.errorString());
    QByteArray data = f.read(64 * 1024).trimmed();
    if (data.isEmpty())
        return Error(ErrorCode::InvalidInput, QObject::tr("%1 is empty.").arg(path));
    return data;
}

QString dataDirFor(const CliContext& ctx) {
    return ctx.dataDir.isEmpty() ? workflow::AccountFiles::defaultDataDir() : ctx.dataDir;
}

} // namespace certdeck::cli
