// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Error.h"
#include "core/monitor/TlsProbe.h"
#include "ui/CertificateRow.h"

#include <QCoroTask>
#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace certdeck::store {
class StoreExecutor;
}

namespace certdeck::ui {

/// The facts about one certificate: state in words, names (with punycode), validity, planned renewal
/// and ARI window, issuer, key, fingerprint. For a store lineage also its renewal history and deploy
/// targets (read through the StoreExecutor), Export (PEM folder or PKCS#12, files 0600) and Revoke
/// (after a confirmation naming the certificate; RFC 8555 §7.6 signed by the stored account, the same
/// AcmeClient::revoke the CLI uses; recorded as a "revoked" event).
class CertificateDetailsDialog : public QDialog {
    Q_OBJECT
public:
    CertificateDetailsDialog(const CertificateRow& row, const QDateTime& now, store::StoreExecutor* store = nullptr,
                             QWidget* parent = nullptr);

    [[nodiscard]] bool isRevoked() const { return m_revoked; }

    /// What a deploy target's verify address serves now, after "Check servers".
    enum class TargetCheck { NotChecked, Checking, Matches, Other, Failed };
    /// One entry per stored deploy target, in the list's order (empty until the store answered).
    [[nodiscard]] QList<TargetCheck> targetChecks() const;
    /// Connects to every target's verify address (TlsProbe: SNI, STARTTLS by port) and shows what it
    /// serves: this certificate, another one (its fingerprint and expiry), or the error.
    void checkTargets();

Q_SIGNALS:
    /// Every target of a "Check servers" run has answered or failed.
    void targetsChecked();

    /// The lineage's current certificate was revoked.
    void revoked(const QString& lineage);

private:
    void loadFromStore();
    void openExport();
    void confirmRevoke();
    QCoro::Task<void> revoke();
    void showMessage(const QString& text, const Error* error = nullptr);
    void markRevoked();
    QCoro::Task<void> runTargetChecks();
    void showTargetCheck(int index, TargetCheck check, const QString& text, const QString& toolTip);

    struct TargetProbe {
        QString name;
        monitor::TlsProbe::Options options;
        QString problem; ///< the stored entry cannot be checked (server gone, invalid): why
        TargetCheck check = TargetCheck::NotChecked;
    };
    QList<TargetProbe> m_probes;
    QPushButton* m_checkTargets = nullptr;

    CertificateRow m_row;
    store::StoreExecutor* m_store = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_explanation = nullptr;
    QLabel* m_fingerprint = nullptr;
    QTreeWidget* m_history = nullptr;
    QTreeWidget* m_targets = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_messageDetails = nullptr;
    QString m_detail;
    QPushButton* m_export = nullptr;
    QPushButton* m_revoke = nullptr;
    bool m_revoked = false;
};

} // namespace certdeck::ui
