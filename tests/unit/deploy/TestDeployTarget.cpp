// SPDX-License-Identifier: GPL-3.0-or-later
// Presets fill in what each service needs; validation refuses what cannot be installed safely.
#include "core/deploy/DeployTarget.h"
#include "core/deploy/Deployer.h"

#include <QTest>

using namespace certdeck;
using namespace certdeck::deploy;

class TestDeployTarget : public QObject {
    Q_OBJECT

    static ssh::SshTarget server() {
        ssh::SshTarget s;
        s.host = QStringLiteral("web1.example.com");
        return s;
    }

private Q_SLOTS:
    void presets() {
        const QString dir = QStringLiteral("/etc/ssl/example.com/");
        const DeployTarget nginx = DeployTarget::fromPreset(DeployPreset::Nginx, server(), dir);
        QCOMPARE(nginx.files.size(), 2);
        QCOMPARE(nginx.files[0].path, QStringLiteral("/etc/ssl/example.com/fullchain.pem"));
        QCOMPARE(nginx.files[0].content, FileContent::FullChain);
        QCOMPARE(nginx.files[0].mode, 0644);
        QCOMPARE(nginx.files[1].content, FileContent::PrivateKey);
        QCOMPARE(nginx.files[1].mode, 0600);
        QCOMPARE(nginx.configTest, (QStringList{QStringLiteral("nginx"), QStringLiteral("-t")}));
        QCOMPARE(nginx.verifyPort, quint16(443));
        QVERIFY(nginx.validate());

        const DeployTarget haproxy = DeployTarget::fromPreset(DeployPreset::HaProxy, server(), dir);
        QCOMPARE(haproxy.files.size(), 1);
        QCOMPARE(haproxy.files[0].content, FileContent::Combined);
        QCOMPARE(haproxy.files[0].mode, 0600);
        QCOMPARE(haproxy.configTest.first(), QStringLiteral("haproxy"));

        // Mail servers are verified through STARTTLS on their plain ports, chosen by the port.
        DeployTarget postfix = DeployTarget::fromPreset(DeployPreset::Postfix, server(), dir);
        QCOMPARE(postfix.verifyPort, quint16(25));
        QCOMPARE(postfix.effectiveStartTls(), monitor::StartTls::Smtp);
        DeployTarget dovecot = DeployTarget::fromPreset(DeployPreset::Dovecot, server(), dir);
        QCOMPARE(dovecot.verifyPort, quint16(143));
        QCOMPARE(dovecot.effectiveStartTls(), monitor::StartTls::Imap);
        // The implicit-TLS ports stay available: a stored port of 465 or 993 means TLS at once.
        postfix.verifyPort = 465;
        QCOMPARE(postfix.effectiveStartTls(), monitor::StartTls::None);
        postfix.verifyPort = 587;
        QCOMPARE(postfix.effectiveStartTls(), monitor::StartTls::Smtp);
        dovecot.verifyPort = 993;
        QCOMPARE(dovecot.effectiveStartTls(), monitor::StartTls::None);
        dovecot.verifyStartTls = monitor::StartTls::Imap; // explicit wins over the port
        QCOMPARE(dovecot.effectiveStartTls(), monitor::StartTls::Imap);
        QCOMPARE(nginx.effectiveStartTls(), monitor::StartTls::None);
        QCOMPARE(*monitor::TlsProbe::startTlsFromName(QStringLiteral("IMAP")), monitor::StartTls::Imap);
        QCOMPARE(*monitor::TlsProbe::startTlsFromName(QStringLiteral("pop3")), monitor::StartTls::Pop3);
        QVERIFY(!monitor::TlsProbe::startTlsFromName(QStringLiteral("ftp")));
        QCOMPARE(DeployTarget::fromPreset(DeployPreset::Apache, server(), dir).configTest.first(),
                 QStringLiteral("apachectl"));
        const DeployTarget generic = DeployTarget::fromPreset(DeployPreset::Generic, server(), dir);
        QCOMPARE(generic.files.size(), 4);
        QVERIFY(!generic.verify);

        for (const char* n : {"nginx", "apache", "haproxy", "postfix", "dovecot", "generic"}) {
            auto p = DeployTarget::presetFromName(QString::fromLatin1(n));
            QVERIFY(p);
            QCOMPARE(DeployTarget::presetName(*p), QString::fromLatin1(n));
        }
        QVERIFY(!DeployTarget::presetFromName(QStringLiteral("iis")));
    }

    void validationRefusesUnsafeTargets() {
        DeployTarget t = DeployTarget::fromPreset(DeployPreset::Nginx, server(), QStringLiteral("/etc/ssl/x"));
        QVERIFY(t.validate());

        DeployTarget relative = t;
        relative.files[0].path = QStringLiteral("etc/ssl/x/fullchain.pem");
        QVERIFY(!relative.validate());

        DeployTarget dots = t;
        dots.files[0].path = QStringLiteral("/etc/ssl/../../root/.ssh/authorized_keys");
        QVERIFY(!dots.validate());

        DeployTarget newline = t;
        newline.files[0].path = QStringLiteral("/etc/ssl/x/a\nb");
        QVERIFY(!newline.validate());

        DeployTarget twice = t;
        twice.files[1].path = twice.files[0].path;
        QVERIFY(!twice.validate());

        DeployTarget worldKey = t;
        worldKey.files[1].mode = 0644;
        auto r = worldKey.validate();
        QVERIFY(!r);
        QVERIFY(r.error().userMessage.contains(QLatin1String("private key")));

        DeployTarget groupKey = t;
        groupKey.files[1].mode = 0640; // ssl-cert group, Debian's way
        QVERIFY(groupKey.validate());

        for (const char* bad : {"root; touch /tmp/x", "$(id)", "a b", "-rf", ""}) {
            DeployTarget owner = t;
            owner.owner = QString::fromUtf8(bad);
            QCOMPARE(bool(owner.validate()), owner.owner.isEmpty());
        }
        DeployTarget emptyArg = t;
        emptyArg.reload = {QStringLiteral("systemctl"), QString()};
        QVERIFY(!emptyArg.validate());

        DeployTarget noFiles = t;
        noFiles.files.clear();
        QVERIFY(!noFiles.validate());
    }

    void stagingAndBackupNames() {
        QCOMPARE(Deployer::stagingPath(QStringLiteral("/etc/ssl/x/privkey.pem")),
                 QStringLiteral("/etc/ssl/x/.privkey.pem.certdeck-new"));
        QCOMPARE(Deployer::backupPath(QStringLiteral("/etc/ssl/x/privkey.pem")),
                 QStringLiteral("/etc/ssl/x/privkey.pem.certdeck-backup"));
    }
};

QTEST_GUILESS_MAIN(TestDeployTarget)
#include "TestDeployTarget.moc"
