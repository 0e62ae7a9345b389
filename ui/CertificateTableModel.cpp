// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CertificateTableModel.h"

#include "ui/Formatting.h"

#include <QApplication>
#include <QPalette>

#include <limits>

namespace certdeck::ui {

CertificateTableModel::CertificateTableModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_now(QDateTime::currentDateTimeUtc()) {}

int CertificateTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CertificateTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CertificateTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CertificateRow& r = m_rows.at(index.row());
    const CertificateState state = r.stateAt(m_now);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NamesColumn:
            return Formatting::namesSummary(r.names);
        case StateColumn:
            return Formatting::stateLabel(state);
        case ExpiresColumn:
            return Formatting::relativeWithDate(r.notAfter, m_now);
        case RenewalColumn:
            if (state == CertificateState::Expired || !r.plannedRenewal.isValid())
                return tr("—");
            return r.plannedRenewal <= m_now ? tr("now") : Formatting::relativeWithDate(r.plannedRenewal, m_now);
        case IssuerColumn:
            return r.sandbox ? tr("%1 (test CA)").arg(r.issuer) : r.issuer;
        case KeyColumn:
            return r.keyType;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return Formatting::certificateTooltip(r, m_now);
    case Qt::ForegroundRole:
        if (index.column() == StateColumn)
            return Formatting::stateColor(state, QApplication::palette());
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == NamesColumn)
            return tr("%1, %2").arg(Formatting::namesSummary(r.names), Formatting::stateLabel(state));
        return {};
    case SortRole:
        switch (index.column()) {
        case NamesColumn:
            return r.names.isEmpty() ? QString() : Formatting::displayName(r.names.first()).toLower();
        case StateColumn:
            return Formatting::stateSeverity(state);
        case ExpiresColumn:
            return r.notAfter.toMSecsSinceEpoch();
        case RenewalColumn:
            return r.plannedRenewal.isValid() ? r.plannedRenewal.toMSecsSinceEpoch()
                                              : std::numeric_limits<qint64>::max();
        case IssuerColumn:
            return r.issuer.toLower();
        case KeyColumn:
            return r.keyType;
        default:
            return {};
        }
    case IdRole:
        return r.id;
    case NamesRole:
        return r.names;
    case StateRole:
        return static_cast<int>(state);
    case NotBeforeRole:
        return r.notBefore;
    case NotAfterRole:
        return r.notAfter;
    case PlannedRenewalRole:
        return r.plannedRenewal;
    case AriWindowStartRole:
        return r.ariWindowStart;
    case AriWindowEndRole:
        return r.ariWindowEnd;
    case LastErrorRole:
        return r.lastError;
    case IssuerRole:
        return r.issuer;
    default:
        return {};
    }
}

QVariant CertificateTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NamesColumn:
        return tr("Names");
    case StateColumn:
        return tr("State");
    case ExpiresColumn:
        return tr("Expires");
    case RenewalColumn:
        return tr("Renewal");
    case IssuerColumn:
        return tr("Issuer");
    case KeyColumn:
        return tr("Key");
    default:
        return {};
    }
}

QHash<int, QByteArray> CertificateTableModel::roleNames() const {
    auto names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(NamesRole, "names");
    names.insert(StateRole, "state");
    names.insert(NotBeforeRole, "notBefore");
    names.insert(NotAfterRole, "notAfter");
    names.insert(PlannedRenewalRole, "plannedRenewal");
    names.insert(AriWindowStartRole, "ariWindowStart");
    names.insert(AriWindowEndRole, "ariWindowEnd");
    names.insert(LastErrorRole, "lastError");
    names.insert(IssuerRole, "issuer");
    return names;
}

void CertificateTableModel::setRows(QList<CertificateRow> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    reindex();
    endResetModel();
}

void CertificateTableModel::upsert(const CertificateRow& row) {
    const int existing = rowOfId(row.id);
    if (existing >= 0) {
        m_rows[existing] = row;
        Q_EMIT dataChanged(index(existing, 0), index(existing, ColumnCount - 1));
        return;
    }
    const int at = static_cast<int>(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(row);
    m_byId.insert(row.id, at);
    endInsertRows();
}

void CertificateTableModel::removeById(const QString& id) {
    const int at = rowOfId(id);
    if (at < 0)
        return;
    beginRemoveRows({}, at, at);
    m_rows.removeAt(at);
    reindex();
    endRemoveRows();
}

void CertificateTableModel::setNow(const QDateTime& now) {
    m_now = now;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QMap<CertificateState, int> CertificateTableModel::stateCounts() const {
    QMap<CertificateState, int> counts;
    for (const auto& r : m_rows)
        ++counts[r.stateAt(m_now)];
    return counts;
}

void CertificateTableModel::reindex() {
    m_byId.clear();
    m_byId.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_byId.insert(m_rows.at(i).id, i);
}

} // namespace certdeck::ui
