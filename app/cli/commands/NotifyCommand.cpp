// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/NotifyCommand.h"

#include "app/cli/commands/CommandSupport.h"
#include "app/cli/commands/StoreSupport.h"
#include "core/schedule/RenewalPlanner.h"
#include "core/schedule/WebhookNotifier.h"
#include "core/workflow/StoredNotifiers.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace certdeck::cli {

namespace {

bool isNotifierName(const QString& name) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$"));
    return re.match(name).hasMatch();
}

/// What a user may see of a stored notifier: never its secret.
QString describe(const store::NotifierRecord& r) {
    const QJsonObject& s = r.settings;
    if (r.kind == QLatin1String("webhook"))
        return QStringLiteral("webhook %1 to %2")
            .arg(s.value(QStringLiteral("format")).toString(), s.value(QStringLiteral("host")).toString());
    QStringList to;
    for (const QJsonValue& v : s.value(QStringLiteral("to")).toArray())
        to << v.toString();
    return QStringLiteral("e-mail via %1:%2 (%3) to %4")
        .arg(s.value(QStringLiteral("host")).toString())
        .arg(s.value(QStringLiteral("port")).toInt())
        .arg(s.value(QStringLiteral("security")).toString(), to.join(QStringLiteral(", ")));
}

} // namespace

QCoro::Task<int> NotifyCommand::run(CliContext& ctx) {
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("add | list | remove | test | settings"));
    p.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The notification target's name."));
    const QCommandLineOption webhook(QStringLiteral("webhook"), QStringLiteral("add: the webhook URL (https)."),
                                     QStringLiteral("URL"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("add: json, ntfy, slack or discord."),
                                    QStringLiteral("FORMAT"), QStringLiteral("json"));
    const QCommandLineOption smtpHost(QStringLiteral("smtp-host"), QStringLiteral("add: the mail server."),
                                      QStringLiteral("HOST"));
    const QCommandLineOption smtpPort(QStringLiteral("smtp-port"), QStringLiteral("add: its port (587)."),
                                      QStringLiteral("PORT"), QStringLiteral("587"));
    const QCommandLineOption security(
        QStringLiteral("security"),
        QStringLiteral("add: starttls (required, default), tls (port 465) or none (a relay on this computer)."),
        QStringLiteral("MODE"), QStringLiteral("starttls"));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("add: sender address."),
                                  QStringLiteral("ADDR"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("add: recipient (repeat)."),
                                QStringLiteral("ADDR"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("add: SMTP user name."),
                                  QStringLiteral("USER"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"),
                                          QStringLiteral("add: file holding the SMTP password (goes to the keychain)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
                                    QStringLiteral("add: also trust this CA (PEM) for the mail server."),
                                    QStringLiteral("PEM"));
    const QCommandLineOption warnDays(QStringLiteral("warn-days"),
                                      QStringLiteral("settings: the first expiry notice, N days before expiry (1-60; "
                                                     "then 14, 7, 3, 1 below it). Default 14."),
                                      QStringLiteral("N"));
    p.addOptions({webhook, format, smtpHost, smtpPort, security, from, to, user, passwordFile, caFile, warnDays});
    int code = 0;
    if (!parseCommandLine(p, ctx, name(), &code))
        co_return code;
    auto fail = [&ctx](const Error& e) {
        return reportError(ctx, e);
    };
    const QStringList args = p.positionalArguments();
    const QString action = args.value(0);
    const QString target = args.value(1);
    auto opened = openStore(ctx);
    if (!opened)
        co_return fail(opened.error());
    store::Store& st = **opened;

    if (action == QLatin1String("list")) {
        auto all = st.notifiers().all();
        if (!all)
            co_return fail(all.error());
        QJsonArray arr;
        for (const auto& r : std::as_const(*all)) {
            arr.append(QJsonObject{{QStringLiteral("name"), r.name},
                                   {QStringLiteral("kind"), r.kind},
                                   {QStringLiteral("settings"), r.settings}});
            if (!ctx.json)
                *ctx.out << r.name << '\t' << describe(r) << '\n';
        }
        if (ctx.json)
            printJson(ctx, QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("notifiers"), arr}});
        co_return 0;
    }

    if (action == QLatin1String("settings")) {
        // The same store setting as the app's Settings → Notifications, so the timer and the app agree.
        const QString key = QString::fromLatin1(store::SettingRepository::kFirstExpiryNoticeDays);
        if (p.isSet(warnDays)) {
            bool ok = false;
            const int days = p.value(warnDays).toInt(&ok);
            if (!ok || days < 1 || days > schedule::RenewalPlanner::kMaxFirstNoticeDays)
                co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("--warn-days takes 1 to %1 (days).")
                                                                  .arg(schedule::RenewalPlanner::kMaxFirstNoticeDays)));
            if (auto s = st.settings().setValue(key, QString::number(days)); !s)
                co_return fail(s.error());
        }
        auto stored = st.settings().value(key);
        if (!stored)
            co_return fail(stored.error());
        bool numeric = false;
        const int set = stored->toInt(&numeric);
        const int days = numeric ? std::clamp(set, 1, schedule::RenewalPlanner::kMaxFirstNoticeDays)
                                 : schedule::RenewalPlanner::kDefaultFirstNoticeDays;
        if (ctx.json)
            printJson(ctx, QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("warnDays"), days}});
        else
            *ctx.out << "First expiry notice: " << days << " days before expiry (then 14, 7, 3 and 1 below it).\n";
        co_return 0;
    }

    if (action == QLatin1String("test")) {
        net::HttpClient http;
        auto loading = workflow::loadStoredNotifiers(st, http);
        auto loaded = co_await loading;
        int failures = static_cast<int>(loaded.problems.size());
        for (const QString& problem : std::as_const(loaded.problems))
            *ctx.err << "not usable: " << problem << '\n';
        schedule::Notification n;
        n.kind = schedule::Notification::Kind::Renewed;
        n.subject = QStringLiteral("certdeck-test");
        n.reason = QStringLiteral("This is a test notification from certdeck-cli notify test.");
        n.at = QDateTime::currentDateTimeUtc();
        int sent = 0;
        if (!target.isEmpty()) {
            if (auto record = st.notifiers().byName(target); !record)
                co_return fail(record.error());
        }
        for (size_t i = 0; i < loaded.owned.size(); ++i) {
            // `notify test NAME` sends to that one only.
            if (!target.isEmpty() && loaded.names.at(static_cast<qsizetype>(i)) != target)
                continue;
            schedule::Notifier* notifier = loaded.owned[i].get();
            auto sending = notifier->send(n);
            auto s = co_await sending;
            if (s) {
                ++sent;
                *ctx.out << "sent: " << notifier->description() << '\n';
            } else {
                ++failures;
                *ctx.out << "FAILED: " << notifier->description() << ": " << s.error().userMessage << '\n';
            }
        }
        if (sent == 0 && failures == 0)
            co_return fail(Error(ErrorCode::NotFound,
                                 QObject::tr("No notification targets yet: add one with 'certdeck-cli notify add'.")));
        co_return failures == 0 ? 0 : exitCodeFor(ErrorCode::Network);
    }

    if (!isNotifierName(target) || (action != QLatin1String("add") && action != QLatin1String("remove")))
        co_return fail(Error(ErrorCode::InvalidInput,
                             QObject::tr("Say what to do: add NAME, list, remove NAME, test [NAME] or settings "
                                         "[--warn-days N].")));

    if (action == QLatin1String("remove")) {
        auto record = st.notifiers().byName(target);
        if (!record)
            co_return fail(record.error());
        const store::Secrets secrets = st.secrets();
        const QString key = record->secretKey();
        auto removing = secrets.remove(key);
        if (auto s = co_await removing; !s)
            co_return fail(s.error());
        if (auto s = st.notifiers().remove(target); !s)
            co_return fail(s.error());
        *ctx.out << "Removed notification target " << target << ".\n";
        co_return 0;
    }

    // add
    store::NotifierRecord record;
    record.name = target;
    SecureBytes secret;
    if (p.isSet(webhook) == p.isSet(smtpHost))
        co_return fail(
            Error(ErrorCode::InvalidInput, QObject::tr("notify add needs --webhook URL or --smtp-host HOST.")));
    if (p.isSet(webhook)) {
        const QUrl url(p.value(webhook), QUrl::StrictMode);
        const auto fmt = schedule::WebhookNotifier::parseFormat(p.value(format));
        if (!fmt)
            co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("--format takes json, ntfy, slack or discord.")));
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("--webhook needs an https:// URL.")));
        record.kind = QStringLiteral("webhook");
        record.settings = QJsonObject{{QStringLiteral("format"), schedule::WebhookNotifier::formatName(*fmt)},
                                      {QStringLiteral("host"), url.host()}};
        secret = SecureBytes(url.toString(QUrl::FullyEncoded).toUtf8());
    } else {
        bool ok = false;
        const int port = p.value(smtpPort).toInt(&ok);
        if (!ok || port <= 0 || port > 65535)
            co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("--smtp-port takes 1 to 65535.")));
        if (!p.isSet(from) || !p.isSet(to))
            co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("E-mail needs --from ADDR and --to ADDR.")));
        if (p.isSet(user) != p.isSet(passwordFile))
            co_return fail(Error(ErrorCode::InvalidInput, QObject::tr("--user and --password-file go together.")));
        record.kind = QStringLiteral("smtp");
        record.settings = QJsonObject{{QStringLiteral("host"), p.value(smtpHost)},
                                      {QStringLiteral("port"), port},
                                      {QStringLiteral("security"), p.value(security)},
                                      {QStringLiteral("from"), p.value(from)},
                                      {QStringLiteral("to"), QJsonArray::fromStringList(p.values(to))}};
        if (p.isSet(user)) {
            record.settings.insert(QStringLiteral("user"), p.value(user));
            auto pw = readSecretFile(p.value(passwordFile));
            if (!pw)
                co_return fail(pw.error());
            secret = SecureBytes(*pw);
        }
        if (p.isSet(caFile))
            record.settings.insert(QStringLiteral("caFile"), QFileInfo(p.value(caFile)).absoluteFilePath());
    }
    // Checked the way renew will build it, before anything is kept.
    net::HttpClient http;
    if (auto made = workflow::makeNotifier(record, secret, http); !made)
        co_return fail(made.error());
    if (!secret.bytes().isEmpty()) {
        const store::Secrets secrets = st.secrets();
        const QString key = record.secretKey();
        auto writing = secrets.write(key, secret);
        if (auto s = co_await writing; !s)
            co_return fail(s.error());
    }
    if (auto saved = st.notifiers().save(record); !saved)
        co_return fail(saved.error());
    if (ctx.json)
        printJson(ctx, QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("name"), target}});
    else
        *ctx.out << "Added notification target " << target << " (" << describe(record)
                 << "). Try it: certdeck-cli notify test " << target << '\n';
    co_return 0;
}

} // namespace certdeck::cli
