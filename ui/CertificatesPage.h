// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QCoroTask>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QWidget>

class QStackedWidget;
class QTableWidget;
class QPushButton;

namespace certdeck::store {
class Store;
class StoreExecutor;
} // namespace certdeck::store

namespace certdeck::ui {

class MessageBar;

/// Every certificate lineage in the store, one row each: names, CA, key type, challenge, deploy
/// targets, expiry and state. Double-click (or Enter, or "Details…") asks for the details dialog the
/// dashboard opens, through certificateActivated(), which the main window connects.
class CertificatesPage : public QWidget {
    Q_OBJECT
public:
    /// One row: a lineage with its current certificate.
    struct Row {
        QString lineage;
        QStringList names;
        QString ca;
        QString keyType;
        QString challenge;
        QStringList deployTargets;
        QDateTime notAfter; ///< invalid when nothing was issued yet
        bool renewalFailed = false;
        bool autoRenew = true;
    };

    explicit CertificatesPage(store::StoreExecutor* store, QWidget* parent = nullptr);

    [[nodiscard]] const QList<Row>& rows() const { return m_rows; }
    void reload();
    /// The lineage of the selected row (empty: none); the toolbar's Renew and Deploy act on it.
    [[nodiscard]] QString selectedLineage() const;
    /// Selects the row of this lineage (after the rows are loaded).
    void selectLineage(const QString& lineage);

    /// Reads the rows (on the store's thread).
    static Result<QList<Row>> readRows(store::Store& store);
    /// The dashboard's id of a lineage's row (StoreCertificateRows::lineageRowId: "lineage:<name>").
    static QString rowId(const QString& lineage) { return QStringLiteral("lineage:") + lineage; }

Q_SIGNALS:
    void rowsLoaded();
    /// Open the details of this certificate (the dashboard's CertificateRow::id).
    void certificateActivated(const QString& id);
    void addDomainRequested();
    /// The selected row changed.
    void selectionChanged();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QCoro::Task<> load();
    void fillTable();
    void activateSelected();

    store::StoreExecutor* m_store;
    QList<Row> m_rows;
    QStackedWidget* m_stack = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_details = nullptr;
    MessageBar* m_message = nullptr;
};

} // namespace certdeck::ui
