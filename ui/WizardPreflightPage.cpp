// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WizardPreflightPage.h"

#include "core/dns/Preflight.h"
#include "core/dns/Resolver.h"
#include "core/workflow/Sandbox.h"
#include "ui/AddDomainWizard.h"
#include "ui/Formatting.h"
#include "ui/SandboxService.h"
#include "ui/WizardCaDirectory.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace certdeck::ui {

namespace {
// Drawn rather than taken from the style: the same flat, coloured marks in every theme, sharp at
// 200 % (painted at the screen's device pixel ratio), in the dashboard's state colours.
QIcon verdictIcon(dns::PreflightVerdict v, const QWidget* widget) {
    const qreal dpr = widget->devicePixelRatioF();
    const int size = 16;
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    const CertificateState state = v == dns::PreflightVerdict::Ok        ? CertificateState::Fine
                                   : v == dns::PreflightVerdict::Warning ? CertificateState::ExpiringSoon
                                                                         : CertificateState::RenewalFailed;
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(Formatting::stateColor(state, widget->palette()));
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    p.setPen(QPen(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    switch (v) {
    case dns::PreflightVerdict::Ok:
        p.drawPolyline(QPolygonF({QPointF(4.6, 8.4), QPointF(7.0, 10.8), QPointF(11.4, 5.6)}));
        break;
    case dns::PreflightVerdict::Warning:
        p.drawLine(QPointF(8, 4.2), QPointF(8, 9.0));
        p.drawPoint(QPointF(8, 11.8));
        break;
    case dns::PreflightVerdict::Blocker:
        p.drawLine(QPointF(5.3, 5.3), QPointF(10.7, 10.7));
        p.drawLine(QPointF(10.7, 5.3), QPointF(5.3, 10.7));
        break;
    }
    p.end();
    return QIcon(pm);
}
bool isAddressLiteral(const QString& host) {
    static const QRegularExpression ipv4(QStringLiteral("^\\d{1,3}(\\.\\d{1,3}){3}$"));
    return host.contains(QLatin1Char(':')) || ipv4.match(host).hasMatch();
}

// The chosen SSH server's addresses (RemoteWebroot), for comparing with the names' A/AAAA records: the
// CA must reach the machine the token file is written on. Its host name is looked up the normal way
// (the system resolver); empty when unknown, and then nothing is compared.
QCoro::Task<QStringList> serverAddressesFor(IssuanceSettings settings, CancelToken cancel) {
    const QString host = settings.serverHost.trimmed();
    if (settings.method != ChallengeMethod::RemoteWebroot || host.isEmpty())
        co_return QStringList();
    if (isAddressLiteral(host))
        co_return QStringList{host};
    const dns::Resolver resolver{dns::ResolverOptions()};
    auto v4Task = resolver.query(host, dns::RecordType::A, cancel);
    const Result<dns::DnsAnswer> v4 = co_await v4Task;
    auto v6Task = resolver.query(host, dns::RecordType::AAAA, cancel);
    const Result<dns::DnsAnswer> v6 = co_await v6Task;
    QStringList out;
    if (v4)
        out << v4->values(dns::RecordType::A);
    if (v6)
        out << v6->values(dns::RecordType::AAAA);
    co_return out;
}

dns::PreflightOptions preflightOptions(quint16 sandboxDnsPort, const IssuanceSettings& settings,
                                       const QStringList& caIdentities, const QStringList& serverAddresses) {
    dns::PreflightOptions options;
    options.serverAddresses = serverAddresses;
    options.method = settings.challengeType();
    options.caIdentities = caIdentities;
    if (sandboxDnsPort != 0) {
        dns::NameServer server;
        server.address = QStringLiteral("127.0.0.1");
        server.port = sandboxDnsPort;
        options.resolver.servers = QList<dns::NameServer>{server};
    } else if (!settings.dnsResolver.isEmpty()) {
        // A chosen authoritative server answers for its own zones only: no recursion.
        if (auto server = dns::NameServer::parse(settings.dnsResolver)) {
            options.resolver.servers = QList<dns::NameServer>{*server};
            options.resolver.recursionDesired = false;
            options.resolver.authoritativePort = server->port;
        }
    }
    return options;
}
QCoro::Task<std::shared_ptr<workflow::Sandbox>> sandboxIfChosen(QPointer<SandboxService> service, bool chosen) {
    if (!chosen || !service)
        co_return std::shared_ptr<workflow::Sandbox>();
    auto startTask = service->ensureStarted();
    const Result<std::shared_ptr<workflow::Sandbox>> started = co_await startTask;
    co_return started ? *started : std::shared_ptr<workflow::Sandbox>();
}
} // namespace

WizardPreflightPage::WizardPreflightPage(SandboxService* sandbox, bool sandboxMode, QWidget* parent)
    : QWizardPage(parent)
    , m_sandbox(sandbox)
    , m_sandboxMode(sandboxMode) {
    setObjectName(QStringLiteral("wizardPreflightPage"));
    setTitle(tr("Checking DNS before ordering"));
    setSubTitle(tr("What a CA will see when it looks your names up. Problems found now cost nothing; "
                   "found by the CA they cost a failed order."));
    auto* layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("wizardPreflightStatus"));
    m_status->setWordWrap(true);
    m_results = new QTreeWidget(this);
    m_results->setObjectName(QStringLiteral("wizardPreflightResults"));
    m_results->setAccessibleName(tr("Preflight results"));
    m_results->setColumnCount(2);
    m_results->setHeaderLabels({tr("Name / check"), tr("Finding and advice")});
    m_results->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_results->header()->setStretchLastSection(true);
    m_results->setWordWrap(true);
    m_results->setUniformRowHeights(false);
    m_results->setRootIsDecorated(true);
    m_results->setAlternatingRowColors(false);
    m_results->setTextElideMode(Qt::ElideNone);
    // Wrapped findings need their rows measured for the column's width, or the advice ends in "…":
    // QTreeView measures a row by its explicit line breaks only.
    connect(m_results->header(), &QHeaderView::sectionResized, this, &WizardPreflightPage::updateRowHeights);
    auto* bottom = new QHBoxLayout;
    m_override = new QCheckBox(tr("Continue anyway: I know the order will fail unless this is fixed first"), this);
    m_override->setObjectName(QStringLiteral("wizardPreflightOverride"));
    m_override->setVisible(false);
    m_again = new QPushButton(tr("Check &again"), this);
    m_again->setObjectName(QStringLiteral("wizardPreflightAgain"));
    bottom->addWidget(m_override, 1);
    bottom->addWidget(m_again);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);
    layout->addLayout(bottom);
    connect(m_again, &QPushButton::clicked, this, &WizardPreflightPage::startCheck);
    connect(m_override, &QCheckBox::toggled, this, &WizardPreflightPage::completeChanged);
}

WizardPreflightPage::~WizardPreflightPage() {
    m_cancel.cancel();
}

void WizardPreflightPage::initializePage() {
    startCheck();
}

void WizardPreflightPage::cleanupPage() {
    m_cancel.cancel();
    ++m_generation;
    m_running = false;
}

void WizardPreflightPage::startCheck() {
    m_cancel.cancel();
    m_cancel = CancelToken();
    auto* w = qobject_cast<AddDomainWizard*>(wizard());
    const IssuanceSettings settings = w ? w->settings() : IssuanceSettings();
    const QStringList names = w ? w->names() : QStringList();
    m_results->clear();
    m_blockers = false;
    m_override->setChecked(false);
    m_override->setVisible(false);
    m_running = true;
    m_again->setEnabled(false);
    m_status->setPalette(QPalette());
    m_status->setFont(QFont());
    m_status->setText(tr("Looking up %1 …").arg(Formatting::namesSummary(names)));
    Q_EMIT completeChanged();
    check(names, settings, ++m_generation);
}

QCoro::Task<void> WizardPreflightPage::check(QStringList names, IssuanceSettings settings, int generation) {
    // The page may go away while we wait: check before touching it after every co_await.
    QPointer<WizardPreflightPage> self(this);
    const CancelToken cancel = m_cancel;
    auto portTask = sandboxDnsPort(settings.isSandbox());
    const Result<quint16> port = co_await portTask;
    if (!self || generation != m_generation)
        co_return;
    if (!port) {
        m_running = false;
        m_again->setEnabled(true);
        m_status->setText(port.error().userMessage);
        Q_EMIT completeChanged();
        Q_EMIT checked();
        co_return;
    }
    auto identitiesTask = caaIdentities(settings, cancel);
    const QStringList identities = co_await identitiesTask;
    if (!self || generation != m_generation)
        co_return;
    m_caIdentities = identities;
    auto addressesTask = serverAddressesFor(settings, cancel);
    const QStringList addresses = co_await addressesTask;
    if (!self || generation != m_generation)
        co_return;
    // Built by a plain function: no objects in nested scopes of a coroutine (GCC 12).
    const dns::PreflightOptions options = preflightOptions(*port, settings, identities, addresses);
    const dns::Preflight preflight(options);
    auto task = preflight.run(names, cancel);
    const dns::PreflightReport report = co_await task;
    if (!self || generation != m_generation)
        co_return;
    setReport(report);
}

void WizardPreflightPage::setReport(const dns::PreflightReport& report) {
    m_cancel.cancel();
    ++m_generation;
    m_running = false;
    m_again->setEnabled(true);
    showReport(report);
    Q_EMIT completeChanged();
    Q_EMIT checked();
}

QCoro::Task<QStringList> WizardPreflightPage::caaIdentities(IssuanceSettings settings, CancelToken cancel) {
    // The chosen CA's own word first (RFC 8555 §7.1.1 meta.caaIdentities), Certdeck's table when
    // the directory lists none or cannot be read now (the order will say why, later). Flat: GCC 12.
    QUrl url = settings.directoryUrl();
    QString trust = settings.caTrustFile;
    auto sandboxTask = sandboxIfChosen(m_sandbox, settings.isSandbox());
    const std::shared_ptr<workflow::Sandbox> sandbox = co_await sandboxTask;
    if (sandbox) {
        url = sandbox->directoryUrl();
        trust = sandbox->caFile();
    }
    const QStringList known = IssuanceSettings::knownCaaIdentities(settings.ca);
    if (!url.isValid())
        co_return known;
    auto fetchTask = WizardCaDirectory::fetch(url, trust, cancel);
    const Result<acme::Directory> directory = co_await fetchTask;
    if (!directory || directory->caaIdentities.isEmpty())
        co_return known;
    co_return directory->caaIdentities;
}

QCoro::Task<Result<quint16>> WizardPreflightPage::sandboxDnsPort(bool sandboxCa) {
    // In the sandbox the names live in the test CA's own DNS, which Pebble asks too. Flat on purpose:
    // GCC 12 destroys coroutine locals of nested scopes twice (here: a shared_ptr to the sandbox).
    if (!sandboxCa || !m_sandbox)
        co_return quint16(0);
    auto startTask = m_sandbox->ensureStarted();
    const auto started = co_await startTask;
    if (!started)
        co_return started.error();
    co_return (*started)->dnsPort();
}

void WizardPreflightPage::showReport(const dns::PreflightReport& report) {
    m_results->clear();
    int blockers = 0;
    int warnings = 0;
    for (const auto& n : report.names) {
        auto* top = new QTreeWidgetItem(m_results);
        top->setText(0, Formatting::nameWithPunycode(n.name));
        QStringList addresses = n.ipv4 + n.ipv6;
        top->setText(1, addresses.isEmpty() ? tr("no address") : addresses.join(QStringLiteral(", ")));
        top->setIcon(0, verdictIcon(n.verdict(), this));
        for (const auto& f : n.findings) {
            if (f.verdict == dns::PreflightVerdict::Blocker)
                ++blockers;
            else if (f.verdict == dns::PreflightVerdict::Warning)
                ++warnings;
            auto* item = new QTreeWidgetItem(top);
            item->setIcon(0, verdictIcon(f.verdict, this));
            item->setText(0, f.check);
            QString text = f.message;
            if (!f.advice.isEmpty())
                text += QLatin1Char('\n') + f.advice;
            item->setText(1, text);
            item->setToolTip(1, text);
            if (!f.record.isEmpty()) {
                auto* rec = new QTreeWidgetItem(item);
                rec->setText(0, tr("record"));
                auto* box = new QWidget;
                auto* row = new QHBoxLayout(box);
                row->setContentsMargins(0, 0, 0, 0);
                auto* code = new QLabel(f.record.toHtmlEscaped(), box);
                code->setTextFormat(Qt::PlainText);
                code->setText(f.record);
                code->setTextInteractionFlags(Qt::TextSelectableByMouse);
                QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
                code->setFont(mono);
                auto* copy = new QPushButton(tr("Copy"), box);
                copy->setObjectName(QStringLiteral("wizardPreflightCopy"));
                copy->setAccessibleName(tr("Copy the record %1").arg(f.record));
                const QString record = f.record;
                connect(copy, &QPushButton::clicked, copy, [record] { QApplication::clipboard()->setText(record); });
                row->addWidget(code, 1);
                row->addWidget(copy);
                m_results->setItemWidget(rec, 1, box);
                item->setExpanded(true);
            }
        }
        top->setExpanded(n.verdict() != dns::PreflightVerdict::Ok || report.names.size() <= 3);
    }
    updateRowHeights();
    m_blockers = blockers > 0;
    m_override->setVisible(m_blockers);
    if (blockers > 0)
        m_status->setText(Formatting::countText(blockers,
                                                QT_TRANSLATE_NOOP("Formatting", "%1 problem will make the order "
                                                                                "fail. Fix it as the advice says, "
                                                                                "then check again."),
                                                QT_TRANSLATE_NOOP("Formatting", "%1 problems will make the order "
                                                                                "fail. Fix them as the advice says, "
                                                                                "then check again.")));
    else if (warnings > 0)
        m_status->setText(Formatting::countText(warnings,
                                                QT_TRANSLATE_NOOP("Formatting", "No blockers; %1 thing deserves "
                                                                                "a look."),
                                                QT_TRANSLATE_NOOP("Formatting", "No blockers; %1 things deserve "
                                                                                "a look.")));
    else
        m_status->setText(tr("All names look ready for ordering."));
    // The verdict's colour on the summary line: what the user reads first.
    const CertificateState tone = blockers > 0   ? CertificateState::RenewalFailed
                                  : warnings > 0 ? CertificateState::ExpiringSoon
                                                 : CertificateState::Fine;
    QPalette statusPalette = m_status->palette();
    statusPalette.setColor(QPalette::WindowText, Formatting::stateColor(tone, palette()));
    m_status->setPalette(statusPalette);
    QFont statusFont = m_status->font();
    statusFont.setBold(true);
    m_status->setFont(statusFont);
}

void WizardPreflightPage::updateRowHeights() {
    const int width = m_results->header()->sectionSize(1) - 8; // the item's text margins
    if (width <= 0)
        return;
    const QFontMetrics fm(m_results->font());
    for (int i = 0; i < m_results->topLevelItemCount(); ++i) {
        QTreeWidgetItem* top = m_results->topLevelItem(i);
        for (int c = 0; c < top->childCount(); ++c) {
            QTreeWidgetItem* item = top->child(c);
            const QRect need = fm.boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, item->text(1));
            // An invalid size (width -1) would clear the hint: give both.
            item->setSizeHint(1, QSize(width, need.height() + 8));
        }
    }
    m_results->doItemsLayout();
}

bool WizardPreflightPage::isComplete() const {
    return !m_running && (!m_blockers || m_override->isChecked());
}

} // namespace certdeck::ui
