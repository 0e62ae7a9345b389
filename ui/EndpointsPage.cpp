// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/EndpointsPage.h"

#include "core/monitor/EndpointScanner.h"
#include "core/store/StoreExecutor.h"
#include "ui/Formatting.h"
#include "ui/MessageBar.h"
#include "ui/PageParts.h"

#include <QCoroFuture>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <chrono>

namespace certdeck::ui {

namespace {

enum Column { EndpointColumn, SubjectColumn, IssuerColumn, ExpiresColumn, CheckedColumn, ErrorColumn, ColumnCount };

bool isHostText(const QString& host) {
    static const QRegularExpression re(QStringLiteral("^[a-z0-9._:-]{1,253}$"));
    return re.match(host).hasMatch() && !host.startsWith(QLatin1Char('.')) && !host.startsWith(QLatin1Char('-'));
}

QString aceHost(const QString& text) {
    // Internationalised names are watched by their A-label, like DNS and SNI see them.
    const QString lower = text.trimmed().toLower();
    if (lower.contains(QLatin1Char(':')))
        return lower;
    const QByteArray ace = QUrl::toAce(lower);
    return ace.isEmpty() ? lower : QString::fromLatin1(ace);
}

CertificateState stateFor(const store::EndpointRecord& e, const QDateTime& now) {
    const qint64 days = now.secsTo(e.lastNotAfter) / 86400;
    if (e.lastNotAfter <= now)
        return CertificateState::Expired;
    if (days < 7)
        return CertificateState::ExpiringSoon;
    if (days < 30)
        return CertificateState::RenewalDue;
    return CertificateState::Fine;
}

} // namespace

Result<store::EndpointRecord> EndpointsPage::parseAddress(const QString& address, const QString& serverName) {
    store::EndpointRecord e;
    const QString text = address.trimmed();
    QString host = text;
    QString portText;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return Error(ErrorCode::InvalidInput, tr("\"%1\" is not HOST:PORT (the ] is missing).").arg(text.left(80)));
        host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (rest.startsWith(QLatin1Char(':')))
            portText = rest.mid(1);
        else if (!rest.isEmpty())
            return Error(ErrorCode::InvalidInput, tr("\"%1\" is not HOST:PORT.").arg(text.left(80)));
    } else if (text.count(QLatin1Char(':')) == 1) {
        host = text.section(QLatin1Char(':'), 0, 0);
        portText = text.section(QLatin1Char(':'), 1);
    }
    if (!portText.isNull()) {
        bool ok = false;
        e.port = portText.toInt(&ok);
        if (!ok || e.port <= 0 || e.port > 65535)
            return Error(ErrorCode::InvalidInput, tr("The port must be a number from 1 to 65535."));
    }
    e.host = aceHost(host);
    if (!isHostText(e.host))
        return Error(ErrorCode::InvalidInput,
                     tr("Enter a host name or address, like example.com:443 or 192.0.2.10:8443."));
    const QString sni = aceHost(serverName);
    if (!sni.isEmpty()) {
        if (!isHostText(sni) || sni.contains(QLatin1Char(':')))
            return Error(ErrorCode::InvalidInput,
                         tr("The server name (SNI) must be a host name, like www.example.com."));
        e.serverName = sni;
    }
    return e;
}

EndpointsPage::EndpointsPage(store::StoreExecutor* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store) {
    setObjectName(QStringLiteral("endpointsPage"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(PageParts::heading(tr("Watched endpoints"), this));
    layout->addWidget(PageParts::subtitle(
        tr("TLS servers whose certificates Certdeck keeps an eye on, including ones it did not issue."), this));

    auto* addRow = new QHBoxLayout;
    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("endpointsAddress"));
    m_address->setAccessibleName(tr("Host and port"));
    m_address->setPlaceholderText(tr("host:port, e.g. example.com:443"));
    m_address->setMaxLength(300);
    m_sni = new QLineEdit(this);
    m_sni->setObjectName(QStringLiteral("endpointsSni"));
    m_sni->setAccessibleName(tr("Server name (SNI), optional"));
    m_sni->setPlaceholderText(tr("server name (optional)"));
    m_sni->setMaxLength(253);
    m_add = PageParts::button(tr("&Watch"), QStringLiteral("endpointsAdd"), QStringLiteral("add"), this);
    auto* addressLabel = new QLabel(tr("&Endpoint:"), this);
    addressLabel->setBuddy(m_address);
    addRow->addWidget(addressLabel);
    addRow->addWidget(m_address, 2);
    addRow->addWidget(m_sni, 1);
    addRow->addWidget(m_add);
    layout->addLayout(addRow);

    m_stack = new QStackedWidget(this);
    QPushButton* emptyAction = nullptr;
    m_stack->addWidget(PageParts::emptyState(
        QStringLiteral("endpointsEmptyState"),
        tr("Nothing watched yet. Enter a server's host:port above to see its certificate and when it expires."),
        tr("&Watch an endpoint"), QStringLiteral("watch"), m_stack, &emptyAction));
    auto* list = new QWidget(m_stack);
    auto* listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_table = PageParts::table(
        QStringLiteral("endpointsTable"), tr("Watched endpoints"),
        {tr("Endpoint"), tr("Subject"), tr("Issuer"), tr("Expires"), tr("Last checked"), tr("Problem")}, list);
    listLayout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    m_remove = PageParts::button(tr("&Remove"), QStringLiteral("endpointsRemove"), QString(), list);
    m_check = PageParts::button(tr("&Check now"), QStringLiteral("endpointsCheck"), QStringLiteral("renew"), list);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_check);
    listLayout->addLayout(buttons);
    m_stack->addWidget(list);
    layout->addWidget(m_stack, 1);
    m_message = new MessageBar(QStringLiteral("endpointsMessage"), this);
    layout->addWidget(m_message);

    connect(emptyAction, &QPushButton::clicked, this, [this] { m_address->setFocus(); });
    const auto add = [this] {
        addEndpoint(m_address->text(), m_sni->text());
    };
    connect(m_add, &QPushButton::clicked, this, add);
    connect(m_address, &QLineEdit::returnPressed, this, add);
    connect(m_sni, &QLineEdit::returnPressed, this, add);
    connect(m_check, &QPushButton::clicked, this, &EndpointsPage::checkAll);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (!m_busy && !selectedEndpoints().isEmpty())
            runRemove(selectedEndpoints());
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &EndpointsPage::updateButtons);
    setTabOrder(m_address, m_sni);
    setTabOrder(m_sni, m_add);
    setTabOrder(m_add, m_table);
    setTabOrder(m_table, m_remove);
    setTabOrder(m_remove, m_check);
    updateButtons();
}

void EndpointsPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    reload();
}

void EndpointsPage::reload() {
    load();
}

void EndpointsPage::addEndpoint(const QString& address, const QString& serverName) {
    if (m_busy)
        return;
    auto parsed = parseAddress(address, serverName);
    if (!parsed) {
        m_message->showError(parsed.error());
        return;
    }
    runAdd(*parsed);
}

void EndpointsPage::checkAll() {
    if (!m_busy && !m_endpoints.isEmpty())
        runCheck(m_endpoints);
}

void EndpointsPage::updateButtons() {
    m_add->setEnabled(!m_busy);
    m_check->setEnabled(!m_busy && !m_endpoints.isEmpty());
    m_remove->setEnabled(!m_busy && !m_table->selectedItems().isEmpty());
}

QList<store::EndpointRecord> EndpointsPage::selectedEndpoints() const {
    QList<store::EndpointRecord> out;
    QList<int> rows;
    for (const QTableWidgetItem* item : m_table->selectedItems())
        if (!rows.contains(item->row()))
            rows << item->row();
    for (int row : rows) {
        const int index = m_table->item(row, EndpointColumn)->data(Qt::UserRole).toInt();
        if (index >= 0 && index < m_endpoints.size())
            out << m_endpoints.at(index);
    }
    return out;
}

QCoro::Task<> EndpointsPage::load() {
    QPointer<EndpointsPage> self(this);
    auto job = m_store->run([](store::Store& s) { return s.endpoints().all(); });
    const Result<QList<store::EndpointRecord>> all = co_await job;
    if (!self)
        co_return;
    if (!all) {
        m_message->showError(all.error());
        co_return;
    }
    m_endpoints = *all;
    fillTable();
    Q_EMIT endpointsLoaded();
}

void EndpointsPage::fillTable() {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_table->setSortingEnabled(false);
    m_table->clearContents();
    m_table->setRowCount(static_cast<int>(m_endpoints.size()));
    for (int row = 0; row < m_endpoints.size(); ++row) {
        const store::EndpointRecord& e = m_endpoints.at(row);
        const Served served = m_served.value(e.display());
        auto* endpoint = new QTableWidgetItem(e.display());
        endpoint->setData(Qt::UserRole, row);
        m_table->setItem(row, EndpointColumn, endpoint);
        m_table->setItem(row, SubjectColumn, new QTableWidgetItem(served.subject));
        m_table->setItem(row, IssuerColumn, new QTableWidgetItem(served.issuer));
        auto* expires = new QTableWidgetItem;
        if (e.lastNotAfter.isValid()) {
            const CertificateState state = stateFor(e, now);
            const qint64 days = now.secsTo(e.lastNotAfter) / 86400;
            expires->setText(e.lastNotAfter <= now
                                 ? tr("expired %1").arg(Formatting::relativeWithDate(e.lastNotAfter, now))
                                 : tr("%1 days left (%2)").arg(days).arg(Formatting::date(e.lastNotAfter)));
            expires->setForeground(Formatting::stateColor(state, palette()));
            expires->setToolTip(Formatting::stateLabel(state));
            expires->setData(Qt::UserRole, e.lastNotAfter);
        } else {
            expires->setText(e.lastScannedAt.isValid() ? tr("—") : tr("not checked yet"));
        }
        m_table->setItem(row, ExpiresColumn, expires);
        m_table->setItem(
            row, CheckedColumn,
            new QTableWidgetItem(e.lastScannedAt.isValid() ? Formatting::relative(e.lastScannedAt, now) : tr("never")));
        auto* error = new QTableWidgetItem(e.lastError);
        if (!e.lastError.isEmpty()) {
            error->setForeground(Formatting::stateColor(CertificateState::Expired, palette()));
            error->setToolTip(e.lastError);
        }
        m_table->setItem(row, ErrorColumn, error);
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    m_stack->setCurrentIndex(m_endpoints.isEmpty() ? 0 : 1);
    updateButtons();
}

QCoro::Task<> EndpointsPage::runAdd(store::EndpointRecord endpoint) {
    QPointer<EndpointsPage> self(this);
    m_busy = true;
    updateButtons();
    const store::EndpointRecord toAdd = endpoint;
    auto job = m_store->run([toAdd](store::Store& s) { return s.endpoints().add(toAdd); });
    const Result<qint64> added = co_await job;
    if (!self)
        co_return;
    m_busy = false;
    if (!added) {
        m_message->showError(added.error());
        updateButtons();
        co_return;
    }
    m_address->clear();
    m_sni->clear();
    endpoint.id = *added;
    auto reloading = load();
    co_await reloading;
    if (!self)
        co_return;
    // Check the new one at once: what people want to see is what it serves.
    QList<store::EndpointRecord> fresh;
    for (const store::EndpointRecord& e : std::as_const(m_endpoints))
        if (e.id == endpoint.id)
            fresh << e;
    if (!fresh.isEmpty())
        runCheck(fresh);
}

QCoro::Task<> EndpointsPage::runCheck(QList<store::EndpointRecord> endpoints) {
    QPointer<EndpointsPage> self(this);
    m_busy = true;
    updateButtons();
    m_message->showMessage(endpoints.size() == 1 ? tr("Checking %1…").arg(endpoints.first().display())
                                                 : tr("Checking %1 endpoints…").arg(endpoints.size()));
    QList<monitor::TlsProbe::Options> probes;
    for (const store::EndpointRecord& e : std::as_const(endpoints)) {
        monitor::TlsProbe::Options o;
        o.host = e.host;
        o.port = static_cast<quint16>(e.port);
        o.serverName = e.serverName;
        o.timeout = std::chrono::milliseconds(10000);
        probes << o;
    }
    monitor::EndpointScanner scanner;
    const CancelToken cancel;
    auto scanTask = scanner.scan(probes, cancel);
    const QList<Result<monitor::TlsProbeResult>> results = co_await scanTask;
    if (!self)
        co_return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int failures = 0;
    for (qsizetype i = 0; i < endpoints.size() && i < results.size(); ++i) {
        store::EndpointRecord& e = endpoints[i];
        const Result<monitor::TlsProbeResult>& r = results.at(i);
        e.lastScannedAt = now;
        if (r) {
            e.lastSha256 = r->leafSha256Hex;
            e.lastNotAfter = r->notAfter;
            e.lastError.clear();
            m_served.insert(e.display(), Served{r->subject, r->issuer});
        } else {
            ++failures;
            e.lastError = r.error().userMessage;
        }
    }
    const QList<store::EndpointRecord> scanned = endpoints;
    auto job = m_store->run([scanned](store::Store& s) -> Status {
        for (const store::EndpointRecord& e : scanned)
            if (auto u = s.endpoints().updateScan(e); !u)
                return u;
        return {};
    });
    const Status recorded = co_await job;
    if (!self)
        co_return;
    m_busy = false;
    if (!recorded)
        m_message->showError(recorded.error());
    else if (failures > 0)
        m_message->showMessage(
            failures == 1 && endpoints.size() == 1
                ? tr("%1 could not be checked: %2").arg(endpoints.first().display(), endpoints.first().lastError)
                : tr("%1 of %2 endpoints could not be checked; see the Problem column.")
                      .arg(failures)
                      .arg(endpoints.size()),
            MessageBar::Kind::Error);
    else
        m_message->showMessage(endpoints.size() == 1 ? tr("Checked %1.").arg(endpoints.first().display())
                                                     : tr("Checked %1 endpoints.").arg(endpoints.size()),
                               MessageBar::Kind::Success);
    auto reloading = load();
    co_await reloading;
    if (!self)
        co_return;
    Q_EMIT checkFinished();
}

QCoro::Task<> EndpointsPage::runRemove(QList<store::EndpointRecord> endpoints) {
    QPointer<EndpointsPage> self(this);
    m_busy = true;
    updateButtons();
    const QList<store::EndpointRecord> toRemove = endpoints;
    auto job = m_store->run([toRemove](store::Store& s) -> Status {
        for (const store::EndpointRecord& e : toRemove)
            if (auto r = s.endpoints().remove(e.host, e.port, e.serverName); !r)
                return r;
        return {};
    });
    const Status removed = co_await job;
    if (!self)
        co_return;
    m_busy = false;
    if (!removed)
        m_message->showError(removed.error());
    else
        m_message->showMessage(endpoints.size() == 1 ? tr("No longer watching %1.").arg(endpoints.first().display())
                                                     : tr("No longer watching %1 endpoints.").arg(endpoints.size()),
                               MessageBar::Kind::Success);
    load();
}

} // namespace certdeck::ui
