// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/CheckCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "core/acme/AcmeClient.h"
#include "core/dns/Preflight.h"

#include <QCommandLineParser>
#include <QHostAddress>
#include <QJsonDocument>

namespace certdeck::cli {

namespace {

QString mark(dns::PreflightVerdict v) {
    switch (v) {
    case dns::PreflightVerdict::Ok:
        return QStringLiteral("[ok]     ");
    case dns::PreflightVerdict::Warning:
        return QStringLiteral("[warning]");
    case dns::PreflightVerdict::Blocker:
        return QStringLiteral("[BLOCKER]");
    }
    return {};
}

} // namespace

QCoro::Task<int> CheckCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    const QCommandLineOption serverIp(QStringLiteral("server-ip"),
                                      QStringLiteral("Your server's public address the names should point to "
                                                     "(repeat for IPv4 and IPv6)."),
                                      QStringLiteral("IP"));
    const QCommandLineOption ca(QStringLiteral("ca"),
                                QStringLiteral("The CA's directory URL (or letsencrypt, letsencrypt-staging): its CAA "
                                               "identities are checked against the CAA records."),
                                QStringLiteral("URL"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"), QStringLiteral("Also trust this CA certificate (PEM)."),
                                    QStringLiteral("PEM"));
    const QCommandLineOption caaIdentity(QStringLiteral("caa-identity"),
                                         QStringLiteral("The CA's CAA identity, instead of asking --ca (repeatable)."),
                                         QStringLiteral("DOMAIN"));
    const QCommandLineOption accountUri(QStringLiteral("account-uri"),
                                        QStringLiteral("The ACME account URL the order will use (CAA accounturi)."),
                                        QStringLiteral("URL"));
    const QCommandLineOption method(QStringLiteral("method"), QStringLiteral("http-01 or dns-01."),
                                    QStringLiteral("METHOD"));
    const QCommandLineOption dnsServer(QStringLiteral("dns-server"),
                                       QStringLiteral("Ask this authoritative DNS server directly instead of the "
                                                      "system resolver (local zones, tests)."),
                                       QStringLiteral("ADDR:PORT"));
    p.addOptions({serverIp, ca, caFile, caaIdentity, accountUri, method, dnsServer});
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Names to check (DNS names, *.wildcards, IPs)."),
                            QStringLiteral("NAME…"));
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    auto fail = [&ctx](const Error& e) {
        return reportError(ctx, e);
    };

    const QStringList names = p.positionalArguments();
    if (names.isEmpty())
        co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("Give at least one name to check.")));
    dns::PreflightOptions options;
    options.method = p.value(method);
    if (!options.method.isEmpty() && options.method != QLatin1String("http-01") &&
        options.method != QLatin1String("dns-01"))
        co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("--method takes http-01 or dns-01.")));
    for (const QString& ip : p.values(serverIp)) {
        if (QHostAddress(ip).isNull())
            co_return fail(
                Error(ErrorCode::InvalidInput, QObject::tr("--server-ip takes an IP address, not %1.").arg(ip)));
        options.serverAddresses << QHostAddress(ip).toString();
    }
    if (p.isSet(dnsServer)) {
        auto server = dns::NameServer::parse(p.value(dnsServer));
        if (!server)
            co_return fail(server.error());
        options.resolver.servers = {*server};
        options.resolver.recursionDesired = false;
        options.resolver.authoritativePort = server->port;
    }
    options.accountUri = p.value(accountUri);
    options.caIdentities = p.values(caaIdentity);
    if (p.isSet(ca) && options.caIdentities.isEmpty()) {
        auto url = directoryUrlFrom(p.value(ca));
        if (!url)
            co_return fail(url.error());
        auto http = makeHttpClient(p.value(caFile));
        if (!http)
            co_return fail(http.error());
        acme::AcmeClient client(**http);
        const CancelToken cancel;
        auto fetching = client.fetchDirectory(*url, cancel);
        auto fetched = co_await fetching;
        if (!fetched)
            co_return fail(fetched.error());
        options.caIdentities = client.directory().caaIdentities;
        if (options.caIdentities.isEmpty() && !ctx.json)
            *ctx.err << QObject::tr("The CA does not publish CAA identities: CAA records are shown, not judged.")
                     << '\n';
    }

    const dns::Preflight preflight(options);
    const CancelToken cancel;
    auto running = preflight.run(names, cancel);
    auto report = co_await running;
    const bool blocked = report.verdict() == dns::PreflightVerdict::Blocker;
    if (ctx.json) {
        *ctx.out << QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact) << '\n';
    } else {
        for (const dns::PreflightNameReport& n : report.names) {
            *ctx.out << mark(n.verdict()) << ' ' << n.name << '\n';
            for (const dns::PreflightFinding& f : n.findings) {
                *ctx.out << "    " << mark(f.verdict) << ' ' << f.check << ": " << f.message << '\n';
                if (f.verdict != dns::PreflightVerdict::Ok || ctx.verbose)
                    *ctx.out << "              " << f.advice << '\n';
            }
        }
        *ctx.out << (blocked ? QObject::tr("Fix the blockers above before ordering.")
                             : QObject::tr("Nothing blocks issuance."))
                 << '\n';
    }
    ctx.out->flush();
    co_return blocked ? exitCodeFor(ErrorCode::Dns) : 0;
}

} // namespace certdeck::cli
