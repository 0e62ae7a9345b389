// SPDX-License-Identifier: GPL-3.0-or-later
// Cold start to an interactive main window with 10,000 saved certificates (issue 7: under 1.0 s and
// under 200 MiB peak). Prints figures; never a ctest.
//
//   build/ci/tests/bench/gui/bench_gui_startup [RUNS [DATADIR]]
//
// Once, 10,000 small certificates (one shared P-256 key, signed by a local root with
// crypto::CertificateAuthority, lifetimes of 1 to 90 days so every state shows) are saved in a store
// (<data>/certdeck.sqlite, through core/store in one transaction: a lineage and its current
// certificate each, some with an ARI window, some whose last renewal failed), where the app reads
// them at start from SQLite columns. Then each run starts this program
// again as a fresh process (offscreen) that does what app/gui/main.cpp does, waits until the saved
// certificates are on the dashboard, the timeline has painted them and the event loop is idle again,
// and prints its peak RSS (VmHWM). The time is measured by the parent from process start to that line.
#include "core/crypto/CertificateAuthority.h"
#include "core/crypto/PrivateKey.h"
#include "core/store/Store.h"
#include "ui/CertificateTableModel.h"
#include "ui/DashboardPage.h"
#include "ui/ExpiryTimelineWidget.h"
#include "ui/MainWindow.h"
#include "ui/Resources.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace certdeck;

namespace {

constexpr int kCertificates = 10000;

qint64 peakRssKiB() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

bool generate(const QString& dataDir) {
    auto root = crypto::CertificateAuthority::createRoot(QStringLiteral("Certdeck bench root"), 365);
    auto key = crypto::PrivateKey::generate(crypto::KeyType::P256);
    auto opened = store::Store::open(dataDir);
    if (!root || !key || !opened) {
        std::fprintf(stderr, "cannot create the bench CA or store\n");
        return false;
    }
    store::Store& st = **opened;
    static const char* const words[] = {"shop", "blog", "mail", "api", "status", "git", "wiki", "cloud", "files"};
    static const char* const zones[] = {"example.com", "example.org", "example.net", "beispiel.de"};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Status saved = st.db().transaction([&]() -> Status {
        for (int i = 0; i < kCertificates; ++i) {
            const QString name = QStringLiteral("%1%2.%3")
                                     .arg(QLatin1String(words[i % 9]))
                                     .arg(i)
                                     .arg(QLatin1String(zones[(i / 9) % 4]));
            const QStringList ids{name, QStringLiteral("www.") + name};
            auto cert = crypto::CertificateAuthority::issue(root->first, root->second, *key, ids, 1 + i % 90);
            if (!cert)
                return cert.error();
            store::Lineage l;
            l.name = name;
            l.names = ids;
            l.directoryUrl = QUrl(QStringLiteral("https://acme.example.net/directory"));
            if (i % 7 == 0) {
                l.ariWindowStart = cert->notAfter().addDays(-(i % 90) / 3 - 2);
                l.ariWindowEnd = l.ariWindowStart.addDays(2);
                l.ariCheckedAt = now;
            }
            if (i % 97 == 0) {
                l.failureCount = 2;
                l.nextAttemptAt = now.addSecs(600);
            }
            if (auto s = st.lineages().insert(l); !s)
                return s;
            const QList<crypto::Certificate> chain{*cert, root->second};
            store::CertificateRecord record = store::CertificateRecord::fromChain(chain, l.id, 1);
            if (auto s = st.certificates().add(record); !s)
                return s;
        }
        return {};
    });
    if (!saved) {
        std::fprintf(stderr, "saving failed: %s\n", qPrintable(saved.error().toString()));
        return false;
    }
    return true;
}

int storedCertificates(const QString& dataDir) {
    if (!QFileInfo::exists(dataDir + QStringLiteral("/certdeck.sqlite")))
        return 0;
    auto opened = store::Store::open(dataDir);
    if (!opened)
        return 0;
    auto list = (*opened)->lineages().summaries();
    return list ? int(list->size()) : 0;
}

int child(int argc, char** argv, const QString& dataDir) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // no saved geometry from a real user
    ui::initResources();
    ui::MainWindow::Options options;
    options.dataDir = dataDir;
    ui::MainWindow window(options);
    bool loaded = false;
    // Interactive: the rows are in, the timeline has painted them, and the event loop is idle again.
    struct PaintWatch : QObject {
        bool* loaded;
        explicit PaintWatch(bool* l)
            : loaded(l) {}
        bool shown = false;
        QObject* dashboard = nullptr;
        bool eventFilter(QObject* o, QEvent* e) override {
            if (e->type() == QEvent::Paint && !shown) {
                // The window is up and answering (the certificates are still being read off-thread).
                shown = true;
                QTimer::singleShot(0, [] {
                    std::printf("SHOWN\n");
                    std::fflush(stdout);
                });
            }
            if (e->type() == QEvent::Paint && *loaded && o != dashboard) {
                *loaded = false;
                QTimer::singleShot(0, [] {
                    std::printf("READY %lld\n", peakRssKiB());
                    std::fflush(stdout);
                    QCoreApplication::exit(0);
                });
            }
            return QObject::eventFilter(o, e);
        }
    } watch(&loaded);
    window.dashboard()->timeline()->viewport()->installEventFilter(&watch);
    watch.dashboard = window.dashboard();
    window.dashboard()->installEventFilter(&watch);
    QObject::connect(&window, &ui::MainWindow::certificatesLoaded, &window, [&] {
        if (window.dashboard()->model()->rowCount() != kCertificates)
            std::fprintf(stderr, "only %d certificates loaded\n", window.dashboard()->model()->rowCount());
        loaded = true;
        window.dashboard()->timeline()->viewport()->update();
    });
    window.show();
    return QApplication::exec();
}

} // namespace

int main(int argc, char** argv) {
    if (argc > 2 && qstrcmp(argv[1], "--child") == 0)
        return child(argc, argv, QString::fromLocal8Bit(argv[2]));

    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 5;
    // An optional folder keeps the generated certificates between runs of the bench.
    QTemporaryDir temporary;
    const QString dataDir = argc > 2 ? QString::fromLocal8Bit(argv[2]) : temporary.path();
    const int existing = storedCertificates(dataDir);
    if (existing != kCertificates) {
        QElapsedTimer gen;
        gen.start();
        if (!generate(dataDir))
            return 1;
        std::printf("generated %d certificates in %.1f s\n", kCertificates, gen.elapsed() / 1000.0);
    }
    QList<double> times;
    QList<double> shown;
    QList<qint64> peaks;
    for (int r = 0; r < runs; ++r) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer t;
        t.start();
        p.start(QCoreApplication::applicationFilePath(), QStringList{QStringLiteral("--child"), dataDir});
        QByteArray out;
        double shownMs = -1;
        while (!out.contains("READY") && p.waitForReadyRead(30000)) {
            out += p.readAllStandardOutput();
            if (shownMs < 0 && out.contains("SHOWN"))
                shownMs = t.nsecsElapsed() / 1e6;
        }
        const double ms = t.nsecsElapsed() / 1e6;
        p.waitForFinished(30000);
        const qsizetype at = out.indexOf("READY ");
        if (at < 0) {
            std::fprintf(stderr, "run %d: no READY line (%s)\n", r, out.constData());
            return 1;
        }
        out = out.mid(at);
        shown << shownMs;
        const qint64 peak = out.mid(6).trimmed().toLongLong();
        times << ms;
        peaks << peak;
        std::printf("run %d: window painted and responsive after %.0f ms; all %d certificates painted after %.0f ms; "
                    "peak RSS %.1f MiB\n",
                    r + 1, shownMs, kCertificates, ms, peak / 1024.0);
    }
    std::sort(times.begin(), times.end());
    std::sort(shown.begin(), shown.end());
    std::printf("cold start: window responsive median %.0f ms\n", shown.at(shown.size() / 2));
    std::printf("cold start to %d certificates on screen: median %.0f ms (min %.0f, max %.0f); peak RSS max %.1f MiB\n",
                kCertificates, times.at(times.size() / 2), times.first(), times.last(),
                *std::max_element(peaks.begin(), peaks.end()) / 1024.0);
    std::printf("targets: < 1000 ms, < 200 MiB\n");
    return 0;
}
