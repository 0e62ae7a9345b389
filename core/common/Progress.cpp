// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/Progress.h"

#include <QThread>

namespace certdeck {

Progress::Progress(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<ProgressStep>();
}

void Progress::report(const QString& id, const QString& text, ProgressStep::State state, const QVariantMap& data) {
    ProgressStep step{id, text, state, data, QDateTime::currentDateTimeUtc()};
    bool replaced = false;
    for (auto& s : m_steps) {
        if (s.id == id) {
            s = step;
            replaced = true;
            break;
        }
    }
    if (!replaced)
        m_steps.append(step);
    Q_EMIT stepChanged(step);
}

Progress& Progress::null() {
    // One per thread: report() is single-threaded by contract.
    thread_local Progress sink;
    return sink;
}

} // namespace certdeck
