// SPDX-License-Identifier: GPL-3.0-or-later
// The expiry timeline's repaint while scrolling through 10,000 rows (issue 7: under 16 ms per frame,
// median). Offscreen; each frame scrolls by a few rows and repaints the viewport synchronously, which
// is what a wheel or a dragged scroll bar costs. Prints figures; never a ctest.
//
//   QT_QPA_PLATFORM=offscreen build/ci/tests/bench/gui/bench_gui_timeline
#include "tests/gui/SampleCertificates.h"
#include "ui/CertificateTableModel.h"
#include "ui/ExpiryTimelineWidget.h"
#include "ui/Resources.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSortFilterProxyModel>

#include <algorithm>
#include <cstdio>

using namespace certdeck;

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    ui::initResources();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ui::CertificateTableModel model;
    model.setNow(now);
    model.setRows(test::sampleCertificates(10000, now));
    // As on the dashboard: through the sort/filter proxy, sorted by expiry.
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ui::CertificateTableModel::SortRole);
    proxy.sort(ui::CertificateTableModel::ExpiresColumn);
    ui::ExpiryTimelineWidget timeline;
    timeline.setModel(&proxy);
    timeline.setNow(now);
    timeline.resize(1280, 900);
    timeline.show();
    QCoreApplication::processEvents();

    QScrollBar* bar = timeline.verticalScrollBar();
    QList<double> frames;
    int painted = 0;
    for (int pass = 0; pass < 2; ++pass) {
        for (int v = bar->minimum(); v <= bar->maximum(); v += std::max(1, bar->maximum() / 400)) {
            bar->setValue(v);
            QElapsedTimer t;
            t.start();
            timeline.viewport()->repaint();
            frames << t.nsecsElapsed() / 1e6;
            painted = std::max(painted, timeline.lastPaintedRows());
        }
    }
    std::sort(frames.begin(), frames.end());
    std::printf("timeline repaint while scrolling 10,000 rows (%lld frames, up to %d rows painted per frame): "
                "median %.2f ms, p95 %.2f ms, max %.2f ms\n",
                static_cast<long long>(frames.size()), painted, frames.at(frames.size() / 2),
                frames.at(frames.size() * 95 / 100), frames.last());
    std::printf("target: < 16 ms median\n");
    return 0;
}
