// SPDX-License-Identifier: GPL-3.0-or-later
// CAA evaluation as a CA does it (RFC 8659 §4, RFC 8657): what a user relies on when preflight says
// "this CA may issue" or "add this record".
#include "core/dns/CaaPolicy.h"

#include <QTest>

using namespace certdeck;
using namespace certdeck::dns;
using Outcome = CaaVerdict::Outcome;

Q_DECLARE_METATYPE(certdeck::dns::CaaVerdict::Outcome)
Q_DECLARE_METATYPE(certdeck::dns::DnsRecord)

namespace {

DnsRecord caa(int flags, const QString& tag, const QString& value) {
    DnsRecord r;
    r.name = QStringLiteral("example.com.");
    r.type = RecordType::CAA;
    r.caaFlags = static_cast<quint8>(flags);
    r.caaTag = tag;
    r.caaValue = value;
    return r;
}

const QString le = QStringLiteral("letsencrypt.org");
const QString accountUrl = QStringLiteral("https://acme-v02.api.letsencrypt.org/acme/acct/123");

} // namespace

class TestCaaPolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parseIssuerValue() {
        auto v = CaaIssuerValue::parse(
            QStringLiteral(" LetsEncrypt.org ; accounturi=https://a/b ; validationmethods=dns-01,http-01"));
        QVERIFY(v.valid);
        QCOMPARE(v.issuerDomain, le);
        QCOMPARE(v.parameterValues(QStringLiteral("AccountURI")), QStringList{QStringLiteral("https://a/b")});
        QCOMPARE(v.parameterValues(QStringLiteral("validationmethods")), QStringList{QStringLiteral("dns-01,http-01")});

        auto empty = CaaIssuerValue::parse(QStringLiteral(";"));
        QVERIFY(empty.valid);
        QVERIFY(empty.issuerDomain.isEmpty());
        QVERIFY(CaaIssuerValue::parse(QString()).valid);

        QVERIFY(!CaaIssuerValue::parse(QStringLiteral("bad_domain!")).valid);
        QVERIFY(!CaaIssuerValue::parse(QStringLiteral("ca.example; noequals")).valid);
        QVERIFY(!CaaIssuerValue::parse(QStringLiteral("ca.example; a=b c")).valid);
    }

    void evaluate_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QList<DnsRecord>>("records");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("method");
        QTest::addColumn<Outcome>("expected");
        QTest::addColumn<QString>("record");

        const QString www = QStringLiteral("www.example.com");
        const QString wild = QStringLiteral("*.example.com");
        const QString http = QStringLiteral("http-01");
        const QString dns = QStringLiteral("dns-01");
        QTest::newRow("none") << www << QList<DnsRecord>{} << accountUrl << http << Outcome::NoPolicy << QString();
        QTest::newRow("iodef only") << www
                                    << QList<DnsRecord>{caa(0, QStringLiteral("iodef"), QStringLiteral("mailto:a@b"))}
                                    << accountUrl << http << Outcome::NoPolicy << QString();
        QTest::newRow("issue match") << www << QList<DnsRecord>{caa(0, QStringLiteral("issue"), le)} << accountUrl
                                     << http << Outcome::Allowed << QString();
        QTest::newRow("tag case") << www
                                  << QList<DnsRecord>{caa(0, QStringLiteral("ISSUE"),
                                                          QStringLiteral("LetsEncrypt.org"))}
                                  << accountUrl << http << Outcome::Allowed << QString();
        QTest::newRow("other CA")
            << www << QList<DnsRecord>{caa(0, QStringLiteral("issue"), QStringLiteral("sectigo.com"))} << accountUrl
            << http << Outcome::Forbidden
            << QStringLiteral("example.com. CAA 0 issue \"letsencrypt.org; accounturi=%1\"").arg(accountUrl);
        QTest::newRow("empty issuer")
            << www << QList<DnsRecord>{caa(0, QStringLiteral("issue"), QStringLiteral(";"))} << accountUrl << http
            << Outcome::Forbidden
            << QStringLiteral("example.com. CAA 0 issue \"letsencrypt.org; accounturi=%1\"").arg(accountUrl);
        QTest::newRow("issuewild ignored for plain names")
            << www << QList<DnsRecord>{caa(0, QStringLiteral("issuewild"), QStringLiteral("sectigo.com"))} << accountUrl
            << http << Outcome::NoPolicy << QString();
        QTest::newRow("issuewild only, wildcard")
            << wild << QList<DnsRecord>{caa(0, QStringLiteral("issuewild"), QStringLiteral("sectigo.com"))}
            << accountUrl << dns << Outcome::Forbidden
            << QStringLiteral("example.com. CAA 0 issuewild \"letsencrypt.org; accounturi=%1\"").arg(accountUrl);
        QTest::newRow("issuewild beats issue")
            << wild
            << QList<DnsRecord>{caa(0, QStringLiteral("issue"), QStringLiteral("sectigo.com")),
                                caa(0, QStringLiteral("issuewild"), le)}
            << accountUrl << dns << Outcome::Allowed << QString();
        QTest::newRow("wildcard falls back to issue") << wild << QList<DnsRecord>{caa(0, QStringLiteral("issue"), le)}
                                                      << accountUrl << dns << Outcome::Allowed << QString();
        QTest::newRow("critical unknown tag") << www
                                              << QList<DnsRecord>{caa(0, QStringLiteral("issue"), le),
                                                                  caa(128, QStringLiteral("tbs"), QStringLiteral("x"))}
                                              << accountUrl << http << Outcome::Forbidden << QString();
        QTest::newRow("non-critical unknown tag")
            << www
            << QList<DnsRecord>{caa(0, QStringLiteral("issue"), le), caa(0, QStringLiteral("tbs"), QStringLiteral("x"))}
            << accountUrl << http << Outcome::Allowed << QString();
        QTest::newRow("accounturi match")
            << www
            << QList<DnsRecord>{caa(0, QStringLiteral("issue"), le + QStringLiteral("; accounturi=") + accountUrl)}
            << accountUrl << http << Outcome::Allowed << QString();
        QTest::newRow("accounturi mismatch")
            << www
            << QList<DnsRecord>{caa(0, QStringLiteral("issue"), le + QStringLiteral("; accounturi=https://x/acct/9"))}
            << accountUrl << http << Outcome::Forbidden
            << QStringLiteral("example.com. CAA 0 issue \"letsencrypt.org; accounturi=%1\"").arg(accountUrl);
        QTest::newRow("accounturi, account unknown")
            << www
            << QList<DnsRecord>{caa(0, QStringLiteral("issue"), le + QStringLiteral("; accounturi=") + accountUrl)}
            << QString() << http << Outcome::Unknown << QStringLiteral("example.com. CAA 0 issue \"letsencrypt.org\"");
        QTest::newRow("two accounturi never match")
            << www
            << QList<DnsRecord>{caa(0, QStringLiteral("issue"),
                                    le + QStringLiteral("; accounturi=") + accountUrl +
                                        QStringLiteral("; accounturi=") + accountUrl)}
            << accountUrl << http << Outcome::Forbidden
            << QStringLiteral("example.com. CAA 0 issue \"letsencrypt.org; accounturi=%1\"").arg(accountUrl);
        QTest::newRow("validationmethods includes")
            << www
            << QList<DnsRecord>{caa(0, QStringLiteral("issue"),
                                    le + QStringLiteral("; validationmethods=dns-01,http-01"))}
            << accountUrl << http << Outcome::Allowed << QString();
        QTest::newRow("validationmethods excludes")
            << www
            << QList<DnsRecord>{caa(0, QStringLiteral("issue"), le + QStringLiteral("; validationmethods=dns-01"))}
            << accountUrl << http << Outcome::Forbidden
            << QStringLiteral("example.com. CAA 0 issue \"letsencrypt.org; accounturi=%1; validationmethods=http-01\"")
                   .arg(accountUrl);
        QTest::newRow("one of two properties matches")
            << www
            << QList<DnsRecord>{caa(0, QStringLiteral("issue"), QStringLiteral("sectigo.com")),
                                caa(0, QStringLiteral("issue"), le)}
            << accountUrl << http << Outcome::Allowed << QString();
        QTest::newRow("malformed value authorises nobody")
            << www << QList<DnsRecord>{caa(0, QStringLiteral("issue"), QStringLiteral("letsencrypt.org; junk"))}
            << accountUrl << http << Outcome::Forbidden
            << QStringLiteral("example.com. CAA 0 issue \"letsencrypt.org; accounturi=%1\"").arg(accountUrl);
    }
    void evaluate() {
        QFETCH(QString, name);
        QFETCH(QList<DnsRecord>, records);
        QFETCH(QString, account);
        QFETCH(QString, method);
        QFETCH(Outcome, expected);
        QFETCH(QString, record);
        const CaaQuestion q{name, {le}, account, method};
        const CaaVerdict v =
            CaaPolicy::evaluate(q, records.isEmpty() ? QString() : QStringLiteral("example.com."), records);
        QVERIFY2(v.outcome == expected, qPrintable(v.reason));
        QVERIFY(!v.reason.isEmpty());
        QCOMPARE(v.recordToAdd, record);
    }

    void unknownCaIsNotJudged() {
        const CaaQuestion q{QStringLiteral("www.example.com"), {}, accountUrl, QStringLiteral("http-01")};
        const CaaVerdict v =
            CaaPolicy::evaluate(q, QStringLiteral("example.com."), {caa(0, QStringLiteral("issue"), le)});
        QCOMPARE(v.outcome, Outcome::Unknown);
        QVERIFY(v.reason.contains(le));
    }
};

QTEST_GUILESS_MAIN(TestCaaPolicy)
#include "TestCaaPolicy.moc"
