// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QVariantMap>

namespace certdeck {

/// One step of a long operation as the user sees it ("Validating www.example.com").
struct ProgressStep {
    enum class State { Running, Done, Failed, Info, Waiting };
    QString id;   ///< stable key, e.g. "authz:www.example.com"; a later report with the same id updates it
    QString text; ///< one line for people
    State state = State::Running;
    QVariantMap data; ///< structured facts for a live view (per-nameserver propagation, counts)
    QDateTime at;
};

/// Receives progress from core operations. Lives in the thread that created it; report() may be
/// called from that thread only (core coroutines resume there). The CLI prints steps, the GUI shows
/// them live. A Progress that nobody listens to costs almost nothing.
class Progress : public QObject {
    Q_OBJECT
public:
    explicit Progress(QObject* parent = nullptr);

    void report(const QString& id, const QString& text, ProgressStep::State state = ProgressStep::State::Running,
                const QVariantMap& data = {});
    void done(const QString& id, const QString& text) { report(id, text, ProgressStep::State::Done); }
    void failed(const QString& id, const QString& text) { report(id, text, ProgressStep::State::Failed); }
    void info(const QString& id, const QString& text) { report(id, text, ProgressStep::State::Info); }

    /// Every step reported so far, latest state per id, in first-seen order.
    [[nodiscard]] QList<ProgressStep> steps() const { return m_steps; }

    /// A Progress that discards everything (for callers that do not care).
    static Progress& null();

Q_SIGNALS:
    void stepChanged(const certdeck::ProgressStep& step);

private:
    QList<ProgressStep> m_steps;
};

} // namespace certdeck

Q_DECLARE_METATYPE(certdeck::ProgressStep)
