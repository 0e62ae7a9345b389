// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/CertificateRow.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace certdeck::ui {

class CertificateTableModel;
class ExpiryTimelineWidget;

/// The first screen: the expiry timeline above a sortable, filterable certificate table, both showing
/// the same rows in the same order; an inviting empty state when there are no certificates yet.
class DashboardPage : public QWidget {
    Q_OBJECT
public:
    explicit DashboardPage(QWidget* parent = nullptr);

    [[nodiscard]] bool isEmptyState() const;

    void setCertificates(QList<CertificateRow> rows);
    /// Adds a certificate or updates the one with the same id.
    void upsertCertificate(const CertificateRow& row);
    /// The instant the states are judged against (the timeline's "today").
    void setNow(const QDateTime& now);

    [[nodiscard]] CertificateTableModel* model() const { return m_model; }
    [[nodiscard]] QSortFilterProxyModel* proxy() const { return m_proxy; }
    [[nodiscard]] ExpiryTimelineWidget* timeline() const { return m_timeline; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    /// The id of the selected certificate (empty: none); the toolbar's Renew and Deploy act on it.
    [[nodiscard]] QString selectedId() const;
    /// Selects the row with this id (false: not shown).
    bool selectId(const QString& id);

Q_SIGNALS:
    void addDomainRequested();
    /// Open the details of this certificate (its CertificateRow::id).
    void certificateActivated(const QString& id);
    /// The rows or their states changed (the main window's status line and tray follow).
    void certificatesChanged();
    /// The selected row changed.
    void selectionChanged();

private:
    QWidget* buildEmptyState();
    QWidget* buildContent();
    void updateEmptyState();
    void updateSummary();
    void activateProxyRow(int proxyRow);

    CertificateTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QStackedWidget* m_stack = nullptr;
    QWidget* m_emptyState = nullptr;
    QWidget* m_content = nullptr;
    ExpiryTimelineWidget* m_timeline = nullptr;
    QTableView* m_table = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_summary = nullptr;
};

} // namespace certdeck::ui
