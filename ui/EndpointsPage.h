// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/store/EndpointRepository.h"

#include <QCoroTask>
#include <QHash>
#include <QList>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace certdeck::store {
class StoreExecutor;
}

namespace certdeck::ui {

class MessageBar;

/// TLS endpoints Certdeck watches (the store's EndpointRepository), including servers whose certificate
/// it did not issue: host:port with an optional SNI name; per row the served certificate's subject and
/// issuer (from the last check this session), its expiry with days left coloured as the dashboard
/// colours states, when it was last checked, and the last error. "Check now" probes every endpoint
/// (monitor::EndpointScanner, bounded concurrency, off the GUI thread) and records the results; a newly
/// added endpoint is checked at once.
class EndpointsPage : public QWidget {
    Q_OBJECT
public:
    explicit EndpointsPage(store::StoreExecutor* store, QWidget* parent = nullptr);

    [[nodiscard]] const QList<store::EndpointRecord>& endpoints() const { return m_endpoints; }

    /// Re-reads the store (also each time the page is shown); emits endpointsLoaded().
    void reload();
    /// Adds "HOST[:PORT]" (IPv6 in brackets; port 443 by default) with an optional SNI name and checks it.
    void addEndpoint(const QString& address, const QString& serverName);
    /// Checks every watched endpoint now.
    void checkAll();

    /// "HOST[:PORT]" → host and port; InvalidInput naming the problem.
    static Result<store::EndpointRecord> parseAddress(const QString& address, const QString& serverName);

Q_SIGNALS:
    void endpointsLoaded();
    /// A check (of one or all endpoints) has been recorded.
    void checkFinished();

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Served {
        QString subject;
        QString issuer;
    };

    QCoro::Task<> load();
    QCoro::Task<> runAdd(store::EndpointRecord endpoint);
    QCoro::Task<> runCheck(QList<store::EndpointRecord> endpoints);
    QCoro::Task<> runRemove(QList<store::EndpointRecord> endpoints);
    void fillTable();
    void updateButtons();
    [[nodiscard]] QList<store::EndpointRecord> selectedEndpoints() const;

    store::StoreExecutor* m_store;
    QList<store::EndpointRecord> m_endpoints;
    QHash<QString, Served> m_served; ///< by EndpointRecord::display(), from this session's checks
    QStackedWidget* m_stack = nullptr;
    QTableWidget* m_table = nullptr;
    QLineEdit* m_address = nullptr;
    QLineEdit* m_sni = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_check = nullptr;
    QPushButton* m_remove = nullptr;
    MessageBar* m_message = nullptr;
    bool m_busy = false;
};

} // namespace certdeck::ui
