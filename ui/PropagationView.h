// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Progress.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace certdeck::ui {

/// The manual dns-01 panel of the issue page: the exact TXT record(s) to add (name and value, each
/// with a Copy button) and, live, what every authoritative name server says (waiting / serves it,
/// with its last answer), fed from the order's progress steps ("manual-dns:…", "propagation:…").
/// "Check now" and "Continue anyway" are signals; the page forwards them to the job.
class PropagationView : public QWidget {
    Q_OBJECT
public:
    explicit PropagationView(QWidget* parent = nullptr);

    /// Takes one progress step; ignores those that are not about manual records or propagation.
    void onStep(const certdeck::ProgressStep& step);
    void clear();
    /// The order finished (the buttons go, a note says the records may be deleted).
    void setFinished(bool succeeded);

    [[nodiscard]] int recordCount() const;
    [[nodiscard]] int serverCount() const;
    /// Every server listed serves every record.
    [[nodiscard]] bool allSeen() const;

Q_SIGNALS:
    void checkNowRequested();
    void continueRequested();

private:
    void addRecord(const QVariantMap& facts);
    void updateSummary();

    QLabel* m_heading = nullptr;
    QTreeWidget* m_records = nullptr;
    QTreeWidget* m_servers = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_checkNow = nullptr;
    QPushButton* m_continue = nullptr;
    QHash<QString, QTreeWidgetItem*> m_recordItems; ///< by step id
    QHash<QString, QTreeWidgetItem*> m_serverItems; ///< by step id
};

} // namespace certdeck::ui
