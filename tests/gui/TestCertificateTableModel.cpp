// SPDX-License-Identifier: GPL-3.0-or-later
// The certificate table as the dashboard uses it: it passes QAbstractItemModelTester through resets,
// inserts, updates and removals; states are judged against the model's "now"; sorting by expiry or
// state and filtering by name work through a QSortFilterProxyModel; the adapter from a real
// crypto::Certificate fills in names, validity, issuer and a planned renewal.
#include "SampleCertificates.h"
#include "core/crypto/CertificateAuthority.h"
#include "core/crypto/PrivateKey.h"
#include "ui/CertificateTableModel.h"
#include "ui/Formatting.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace certdeck;
using ui::CertificateRow;
using ui::CertificateState;
using ui::CertificateTableModel;

namespace {
const QDateTime kNow(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);

CertificateRow row(const QString& name, int daysLeft, int lifetimeDays = 90) {
    CertificateRow r;
    r.id = name;
    r.names = {name};
    r.notAfter = kNow.addDays(daysLeft);
    r.notBefore = r.notAfter.addDays(-lifetimeDays);
    r.plannedRenewal = CertificateRow::defaultRenewalTime(r.notBefore, r.notAfter);
    r.issuer = QStringLiteral("R11");
    return r;
}
} // namespace

class TestCertificateTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void passesModelTester() {
        CertificateTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(CertificateTableModel::SortRole);
        proxy.sort(CertificateTableModel::ExpiresColumn);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNow(kNow);
        model.setRows(test::sampleCertificates(300, kNow));
        QCOMPARE(model.rowCount(), 300);
        model.upsert(row(QStringLiteral("new.example.com"), 40));
        QCOMPARE(model.rowCount(), 301);
        CertificateRow changed = row(QStringLiteral("new.example.com"), 2);
        model.upsert(changed);
        QCOMPARE(model.rowCount(), 301);
        model.removeById(QStringLiteral("sample-5"));
        QCOMPARE(model.rowCount(), 300);
        QCOMPARE(model.rowOfId(QStringLiteral("sample-5")), -1);
        QVERIFY(model.rowOfId(QStringLiteral("sample-6")) >= 0);
        model.setNow(kNow.addDays(30));
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
    }

    void statesFollowTime() {
        QCOMPARE(row(QStringLiteral("a"), 60).stateAt(kNow), CertificateState::Fine);
        QCOMPARE(row(QStringLiteral("a"), 20).stateAt(kNow), CertificateState::RenewalDue); // < 1/3 of 90 days left
        QCOMPARE(row(QStringLiteral("a"), 3).stateAt(kNow), CertificateState::ExpiringSoon);
        QCOMPARE(row(QStringLiteral("a"), -1).stateAt(kNow), CertificateState::Expired);
        CertificateRow failed = row(QStringLiteral("a"), 20);
        failed.lastError = QStringLiteral("CAA forbids this CA");
        QCOMPARE(failed.stateAt(kNow), CertificateState::RenewalFailed);
        CertificateRow ari = row(QStringLiteral("a"), 50);
        ari.ariWindowStart = kNow.addDays(-1);
        ari.ariWindowEnd = kNow.addDays(1);
        QCOMPARE(ari.stateAt(kNow), CertificateState::RenewalDue); // the CA asked for an early renewal
        // Short-lived (6-day) certificates renew at half their lifetime: every ~3 days.
        const CertificateRow shortLived = row(QStringLiteral("s"), 6, 6);
        QCOMPARE(shortLived.plannedRenewal, shortLived.notAfter.addDays(-3));

        CertificateTableModel model;
        model.setNow(kNow);
        model.setRows({row(QStringLiteral("a.example"), 60)});
        const QModelIndex state = model.index(0, CertificateTableModel::StateColumn);
        QCOMPARE(state.data().toString(), QStringLiteral("Fine"));
        model.setNow(kNow.addDays(59));
        QCOMPARE(state.data().toString(), QStringLiteral("Expiring soon"));
        model.setNow(kNow.addDays(61));
        QCOMPARE(state.data().toString(), QStringLiteral("Expired"));
        QCOMPARE(model.index(0, CertificateTableModel::RenewalColumn).data().toString(), QStringLiteral("—"));
    }

    void sortsAndFilters() {
        CertificateTableModel model;
        model.setNow(kNow);
        model.setRows({row(QStringLiteral("b.example.com"), 50), row(QStringLiteral("a.example.org"), 5),
                       row(QStringLiteral("c.example.net"), -3), row(QStringLiteral("xn--bcher-kva.example"), 80)});
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(CertificateTableModel::SortRole);
        proxy.setFilterKeyColumn(-1);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);

        const auto firstNames = [&proxy] {
            QStringList out;
            for (int i = 0; i < proxy.rowCount(); ++i)
                out << proxy.index(i, 0).data().toString();
            return out;
        };
        proxy.sort(CertificateTableModel::ExpiresColumn, Qt::AscendingOrder);
        QCOMPARE(firstNames(), (QStringList{QStringLiteral("c.example.net"), QStringLiteral("a.example.org"),
                                            QStringLiteral("b.example.com"), QStringLiteral("bücher.example")}));
        proxy.sort(CertificateTableModel::StateColumn, Qt::DescendingOrder);
        QCOMPARE(firstNames().first(), QStringLiteral("c.example.net")); // worst first
        proxy.sort(CertificateTableModel::NamesColumn, Qt::AscendingOrder);
        QCOMPARE(firstNames().first(), QStringLiteral("a.example.org"));

        proxy.setFilterFixedString(QStringLiteral("BÜCHER")); // the name as people read it, any case
        QCOMPARE(firstNames(), QStringList{QStringLiteral("bücher.example")});
        proxy.setFilterFixedString(QStringLiteral("expired"));
        QCOMPARE(firstNames(), QStringList{QStringLiteral("c.example.net")});
        proxy.setFilterFixedString(QString());
        QCOMPARE(proxy.rowCount(), 4);
    }

    void adaptsARealCertificate() {
        auto ca = crypto::CertificateAuthority::createRoot(QStringLiteral("Test Root"), 30);
        QVERIFY2(ca, ca ? "" : qPrintable(ca.error().toString()));
        auto key = crypto::PrivateKey::generate(crypto::KeyType::P256);
        QVERIFY(key);
        auto leaf = crypto::CertificateAuthority::issue(
            ca->first, ca->second, *key, {QStringLiteral("xn--bcher-kva.example"), QStringLiteral("www.example")}, 90);
        QVERIFY2(leaf, leaf ? "" : qPrintable(leaf.error().toString()));
        const CertificateRow r = CertificateRow::fromCertificate(*leaf);
        QCOMPARE(r.names, (QStringList{QStringLiteral("xn--bcher-kva.example"), QStringLiteral("www.example")}));
        QCOMPARE(r.issuer, QStringLiteral("Test Root"));
        QCOMPARE(r.notAfter, leaf->notAfter());
        QCOMPARE(r.fingerprint, leaf->sha256FingerprintHex());
        QCOMPARE(r.id, r.fingerprint);
        QVERIFY(r.plannedRenewal > r.notBefore && r.plannedRenewal < r.notAfter);
        QCOMPARE(r.keyType, QStringLiteral("ECDSA P-256"));
        QCOMPARE(r.stateAt(QDateTime::currentDateTimeUtc()), CertificateState::Fine);
    }

    void formatting() {
        using namespace ui::Formatting;
        QCOMPARE(nameWithPunycode(QStringLiteral("bücher.example")),
                 QStringLiteral("bücher.example (xn--bcher-kva.example)"));
        QCOMPARE(nameWithPunycode(QStringLiteral("xn--bcher-kva.example")),
                 QStringLiteral("bücher.example (xn--bcher-kva.example)"));
        QCOMPARE(nameWithPunycode(QStringLiteral("*.bücher.example")),
                 QStringLiteral("*.bücher.example (*.xn--bcher-kva.example)"));
        QCOMPARE(nameWithPunycode(QStringLiteral("example.com")), QStringLiteral("example.com"));
        QCOMPARE(relative(kNow.addDays(23), kNow), QStringLiteral("in 23 days"));
        QCOMPARE(relative(kNow.addDays(-3), kNow), QStringLiteral("3 days ago"));
        QCOMPARE(relative(kNow.addSecs(5 * 3600), kNow), QStringLiteral("in 5 hours"));
        QCOMPARE(namesSummary({QStringLiteral("a.example"), QStringLiteral("b.example"), QStringLiteral("c.example")}),
                 QStringLiteral("a.example +2"));
    }
};

QTEST_MAIN(TestCertificateTableModel)
#include "TestCertificateTableModel.moc"
