// SPDX-License-Identifier: GPL-3.0-or-later
// TlsProbe and EndpointScanner against a real nginx: SNI, the served chain and its fingerprint,
// expiry, protocol, trust with and without the private CA, name mismatch, and failures in words.
#include "core/crypto/Certificate.h"
#include "core/monitor/EndpointScanner.h"
#include "core/monitor/TlsProbe.h"
#include "tests/support/NginxFixture.h"

#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTest>

using namespace certdeck;
using namespace certdeck::monitor;

namespace {

QByteArray readLocal(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

template <typename T> QString why(const Result<T>& r) {
    return r ? QString() : r.error().toString() + QStringLiteral(" | ") + r.error().detail;
}

} // namespace

class TestTlsProbe : public QObject {
    Q_OBJECT

    test::NginxFixture m_nginx;

    [[nodiscard]] TlsProbe::Options endpoint(const QString& sni) const {
        TlsProbe::Options o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = m_nginx.httpsPort();
        o.serverName = sni;
        o.extraCaPem = readLocal(m_nginx.caPath());
        return o;
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        CERTDECK_REQUIRE(m_nginx.start(&error), error);
    }

    void probeReportsWhatIsServed() {
        auto r = QCoro::waitFor(TlsProbe::probe(endpoint(QStringLiteral("www.example.test"))));
        QVERIFY2(r, qPrintable(why(r)));
        auto served = crypto::Certificate::fromPem(readLocal(m_nginx.tlsCertPath()));
        QVERIFY(served);
        QCOMPARE(r->leafSha256, served->sha256Fingerprint());
        QCOMPARE(r->leafSha256Hex, served->sha256FingerprintHex());
        QCOMPARE(r->chainDer.first(), served->toDer());
        QVERIFY(r->dnsNames.contains(QStringLiteral("www.example.test")));
        QCOMPARE(r->notAfter, served->notAfter());
        QVERIFY(r->daysLeft(QDateTime::currentDateTimeUtc()) >= 28);
        QVERIFY2(r->protocol == QLatin1String("TLSv1.3"), qPrintable(r->protocol));
        QVERIFY(!r->cipher.isEmpty());
        QVERIFY2(r->trusted, qPrintable(r->verificationErrors.join(QLatin1Char(';'))));
        QCOMPARE(r->serverName, QStringLiteral("www.example.test"));
        QCOMPARE(r->peerAddress, QStringLiteral("127.0.0.1"));
    }

    void untrustedAndMismatchedAreFindingsNotFailures() {
        TlsProbe::Options noCa = endpoint(QStringLiteral("example.test"));
        noCa.extraCaPem.clear();
        auto r = TlsProbe::probeBlocking(noCa);
        QVERIFY2(r, qPrintable(why(r)));
        QVERIFY(!r->trusted);
        QVERIFY(!r->verificationErrors.isEmpty());

        auto wrongName = TlsProbe::probeBlocking(endpoint(QStringLiteral("other.invalid")));
        QVERIFY(wrongName);
        QVERIFY(!wrongName->trusted);
        QVERIFY2(wrongName->verificationErrors.join(QLatin1Char(' '))
                     .contains(QLatin1String("host name"), Qt::CaseInsensitive),
                 qPrintable(wrongName->verificationErrors.join(QLatin1Char(';'))));
    }

    void failuresSayWhatIsWrong() {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        TlsProbe::Options refused = endpoint(QStringLiteral("example.test"));
        refused.port = closed.serverPort();
        closed.close();
        auto r = TlsProbe::probeBlocking(refused);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY2(r.error().userMessage.contains(QLatin1String("refused")), qPrintable(r.error().userMessage));

        // Accepts TCP but never speaks TLS.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        TlsProbe::Options mute = endpoint(QStringLiteral("example.test"));
        mute.port = silent.serverPort();
        mute.timeout = std::chrono::milliseconds(700);
        auto t = TlsProbe::probeBlocking(mute);
        QVERIFY(!t);
        QCOMPARE(t.error().code, ErrorCode::Timeout);

        // Plain HTTP where TLS was expected.
        TlsProbe::Options plain = endpoint(QStringLiteral("example.test"));
        plain.port = m_nginx.httpPort();
        auto p = TlsProbe::probeBlocking(plain);
        QVERIFY(!p);
        QCOMPARE(p.error().code, ErrorCode::Tls);

        TlsProbe::Options empty;
        QCOMPARE(TlsProbe::probeBlocking(empty).error().code, ErrorCode::InvalidInput);
    }

    void scannerKeepsOrderAndPerEndpointResults() {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 closedPort = closed.serverPort();
        closed.close();
        QList<TlsProbe::Options> endpoints;
        for (int i = 0; i < 9; ++i) {
            TlsProbe::Options o = endpoint(i % 2 ? QStringLiteral("www.example.test") : QStringLiteral("example.test"));
            if (i == 4)
                o.port = closedPort;
            endpoints << o;
        }
        EndpointScanner scanner(3);
        QCOMPARE(scanner.maxConcurrent(), 3);
        const auto results = QCoro::waitFor(scanner.scan(endpoints));
        QCOMPARE(results.size(), 9);
        for (int i = 0; i < 9; ++i) {
            if (i == 4) {
                QVERIFY(!results[i]);
                continue;
            }
            QVERIFY2(results[i], qPrintable(why(results[i])));
            QCOMPARE(results[i]->serverName, endpoints[i].serverName);
        }
        CancelToken cancelled;
        cancelled.cancel();
        const auto none = QCoro::waitFor(scanner.scan(endpoints, cancelled));
        QCOMPARE(none.size(), 9);
        for (const auto& r : none)
            QCOMPARE(r.error().code, ErrorCode::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestTlsProbe)
#include "TestTlsProbe.moc"
