// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/CertificateRow.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>

namespace certdeck::ui {

/// The certificates as a table (names, state, expiry, planned renewal, issuer, key). Sort and filter
/// it through a QSortFilterProxyModel with sortRole() = SortRole; the ExpiryTimelineWidget reads the
/// same rows through the roles below, so table and timeline always show the same order.
/// The time the states are judged against is set from outside (setNow) so a whole screen agrees on
/// one instant and tests can move it.
class CertificateTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NamesColumn, StateColumn, ExpiresColumn, RenewalColumn, IssuerColumn, KeyColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< a value that sorts right for every column
        IdRole,
        NamesRole, ///< QStringList
        StateRole, ///< CertificateState as int
        NotBeforeRole,
        NotAfterRole,
        PlannedRenewalRole,
        AriWindowStartRole,
        AriWindowEndRole,
        LastErrorRole,
        IssuerRole,
    };

    explicit CertificateTableModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Replaces every row (one model reset: fast for 10,000 rows).
    void setRows(QList<CertificateRow> rows);
    /// Adds a row, or updates the row with the same id in place.
    void upsert(const CertificateRow& row);
    void removeById(const QString& id);
    [[nodiscard]] const CertificateRow& rowAt(int row) const { return m_rows.at(row); }
    [[nodiscard]] int rowOfId(const QString& id) const { return m_byId.value(id, -1); }
    [[nodiscard]] const QList<CertificateRow>& rows() const { return m_rows; }

    [[nodiscard]] QDateTime now() const { return m_now; }
    /// Re-judges every state against `now` (emits dataChanged for the whole table).
    void setNow(const QDateTime& now);

    /// How many certificates are in each state at now().
    [[nodiscard]] QMap<CertificateState, int> stateCounts() const;

private:
    void reindex();

    QList<CertificateRow> m_rows;
    QHash<QString, int> m_byId;
    QDateTime m_now;
};

} // namespace certdeck::ui
