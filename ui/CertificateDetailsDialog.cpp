// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CertificateDetailsDialog.h"

#include "core/acme/AcmeClient.h"
#include "core/common/AtomicFile.h"
#include "core/common/CancelToken.h"
#include "core/common/Log.h"
#include "core/common/Progress.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/Pkcs12.h"
#include "core/net/HttpClient.h"
#include "core/store/Store.h"
#include "core/store/StoreExecutor.h"
#include "core/workflow/LineageDeployment.h"
#include "core/workflow/StoreAccount.h"
#include "ui/CertificateExportDialog.h"
#include "ui/Formatting.h"
#include "ui/StoreCall.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace certdeck::ui {

namespace {
QLabel* value(const QString& text, QWidget* parent, bool mono = false) {
    auto* l = new QLabel(text, parent);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    if (mono)
        l->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return l;
}
/// "AB:CD:…" in two lines of 16 bytes, the way browsers and openssl show a SHA-256 fingerprint, so it
/// can be compared by eye without a horizontal scroll.
QString groupedHex(const QString& hex) {
    if (hex.size() % 2 != 0 || hex.contains(QLatin1Char(':')))
        return hex;
    QString out;
    for (int i = 0; i < hex.size(); i += 2) {
        if (i > 0)
            out += (i % 32 == 0) ? QLatin1Char('\n') : QLatin1Char(':');
        out += hex.mid(i, 2).toUpper();
    }
    return out;
}
/// As tall as its rows (at most `maxRows`, then it scrolls): no empty half-tree under two entries.
void fitToRows(QTreeWidget* tree, int maxRows) {
    const int rows = std::clamp(tree->topLevelItemCount(), 1, maxRows);
    const int rowHeight = tree->topLevelItemCount() > 0 ? tree->sizeHintForRow(0) : tree->fontMetrics().height() + 4;
    const int height = tree->header()->sizeHint().height() + rows * std::max(rowHeight, 1) + 2 * tree->frameWidth() + 4;
    tree->setMinimumHeight(height);
    tree->setMaximumHeight(height);
}
} // namespace

CertificateDetailsDialog::CertificateDetailsDialog(const CertificateRow& row, const QDateTime& now,
                                                   store::StoreExecutor* store, QWidget* parent)
    : QDialog(parent)
    , m_row(row)
    , m_store(store) {
    setObjectName(QStringLiteral("certificateDetails"));
    setWindowTitle(tr("Certificate — %1").arg(Formatting::namesSummary(row.names)));
    auto* layout = new QVBoxLayout(this);

    // A coloured banner with the state in words: the first thing a worried user looks for.
    const CertificateState state = row.stateAt(now);
    const QColor color = Formatting::stateColor(state, palette());
    auto* banner = new QFrame(this);
    banner->setObjectName(QStringLiteral("detailsBanner"));
    QColor tint = color;
    tint.setAlphaF(0.14f);
    banner->setStyleSheet(QStringLiteral("#detailsBanner { background: %1; border-left: 5px solid %2; "
                                         "border-radius: 4px; }")
                              .arg(tint.name(QColor::HexArgb), color.name()));
    auto* bannerLayout = new QVBoxLayout(banner);
    auto* title = new QLabel(Formatting::stateLabel(state), banner);
    m_state = title;
    title->setObjectName(QStringLiteral("detailsState"));
    QFont f = title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.25);
    title->setFont(f);
    auto* explanation = value(Formatting::stateExplanation(row, now), banner);
    explanation->setObjectName(QStringLiteral("detailsExplanation"));
    m_explanation = explanation;
    bannerLayout->addWidget(title);
    bannerLayout->addWidget(explanation);
    layout->addWidget(banner);

    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    QStringList names;
    for (const QString& n : row.names)
        names << Formatting::nameWithPunycode(n);
    form->addRow(tr("Names:"), value(names.join(QLatin1Char('\n')), this));
    form->addRow(tr("Issuer:"),
                 value(row.sandbox ? tr("%1 (local test CA, trusted nowhere)").arg(row.issuer) : row.issuer, this));
    form->addRow(tr("Valid from:"), value(Formatting::dateTime(row.notBefore), this));
    form->addRow(
        tr("Valid until:"),
        value(tr("%1 (%2)").arg(Formatting::dateTime(row.notAfter), Formatting::relative(row.notAfter, now)), this));
    if (row.plannedRenewal.isValid() && state != CertificateState::Expired)
        form->addRow(tr("Renewal planned:"), value(Formatting::relativeWithDate(row.plannedRenewal, now), this));
    form->addRow(tr("CA's renewal window:"),
                 value(row.ariWindowStart.isValid()
                           ? tr("%1 to %2 (ARI)")
                                 .arg(Formatting::dateTime(row.ariWindowStart), Formatting::dateTime(row.ariWindowEnd))
                           : tr("not offered by this CA"),
                       this));
    if (!row.lastError.isEmpty())
        form->addRow(tr("Last renewal:"), value(row.lastError, this));
    form->addRow(tr("Key:"), value(row.keyType, this));
    if (!row.serial.isEmpty())
        form->addRow(tr("Serial:"), value(row.serial, this, true));
    m_fingerprint = value(groupedHex(row.fingerprint), this, true);
    m_fingerprint->setObjectName(QStringLiteral("detailsFingerprint"));
    form->addRow(tr("SHA-256:"), m_fingerprint);
    if (!row.location.isEmpty())
        form->addRow(tr("Files:"), value(QDir::toNativeSeparators(row.location), this));
    layout->addLayout(form);
    const bool fromStore = m_store && !row.lineage.isEmpty();
    if (fromStore) {
        auto* historyTitle = new QLabel(tr("<b>Renewal history</b>"), this);
        layout->addWidget(historyTitle);
        m_history = new QTreeWidget(this);
        m_history->setObjectName(QStringLiteral("detailsHistory"));
        m_history->setAccessibleName(tr("Renewal history"));
        m_history->setRootIsDecorated(false);
        m_history->setHeaderLabels({tr("Version"), tr("Valid from"), tr("Valid until"), tr("How"), tr("SHA-256")});
        m_history->setMinimumHeight(90);
        layout->addWidget(m_history);
        auto* targetsTitle = new QLabel(tr("<b>Deployed to</b>"), this);
        layout->addWidget(targetsTitle);
        m_targets = new QTreeWidget(this);
        m_targets->setObjectName(QStringLiteral("detailsTargets"));
        m_targets->setAccessibleName(tr("Deploy targets"));
        m_targets->setRootIsDecorated(false);
        m_targets->setHeaderLabels({tr("Server"), tr("Service"), tr("Verified at"), tr("Serves now")});
        m_targets->setMinimumHeight(60);
        layout->addWidget(m_targets);
        auto* checkRow = new QHBoxLayout;
        m_checkTargets = new QPushButton(tr("&Check servers"), this);
        m_checkTargets->setObjectName(QStringLiteral("detailsCheckTargets"));
        m_checkTargets->setToolTip(
            tr("Connect to each server's verify address and see which certificate it serves right now"));
        m_checkTargets->setEnabled(false);
        connect(m_checkTargets, &QPushButton::clicked, this, &CertificateDetailsDialog::checkTargets);
        checkRow->addStretch(1);
        checkRow->addWidget(m_checkTargets);
        layout->addLayout(checkRow);
    }
    auto* messageRow = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("detailsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageDetails = new QPushButton(tr("Details…"), this);
    m_messageDetails->setObjectName(QStringLiteral("detailsMessageDetails"));
    m_messageDetails->hide();
    connect(m_messageDetails, &QPushButton::clicked, this, [this] {
        QMessageBox box(QMessageBox::Information, windowTitle(), m_message->text(), QMessageBox::Close, this);
        box.setDetailedText(m_detail);
        box.exec();
    });
    messageRow->addWidget(m_message, 1);
    messageRow->addWidget(m_messageDetails);
    layout->addLayout(messageRow);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    if (!row.fingerprint.isEmpty()) {
        auto* copy = buttons->addButton(tr("Copy fingerprint"), QDialogButtonBox::ActionRole);
        copy->setObjectName(QStringLiteral("detailsCopyFingerprint"));
        const QString fp = row.fingerprint;
        connect(copy, &QPushButton::clicked, this, [fp] { QApplication::clipboard()->setText(fp); });
    }
    if (!row.location.isEmpty() && QFileInfo(row.location).isDir()) {
        auto* open = buttons->addButton(tr("Open folder"), QDialogButtonBox::ActionRole);
        open->setObjectName(QStringLiteral("detailsOpenFolder"));
        const QString dir = row.location;
        connect(open, &QPushButton::clicked, this, [dir] { QDesktopServices::openUrl(QUrl::fromLocalFile(dir)); });
    }
    if (fromStore) {
        m_export = buttons->addButton(tr("Export…"), QDialogButtonBox::ActionRole);
        m_export->setObjectName(QStringLiteral("detailsExport"));
        connect(m_export, &QPushButton::clicked, this, &CertificateDetailsDialog::openExport);
        m_revoke = buttons->addButton(tr("Revoke…"), QDialogButtonBox::ActionRole);
        m_revoke->setObjectName(QStringLiteral("detailsRevoke"));
        connect(m_revoke, &QPushButton::clicked, this, &CertificateDetailsDialog::confirmRevoke);
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    if (fromStore)
        loadFromStore();
    // As tall as the facts need: no empty half-dialog for certificates with few facts.
    resize(680, std::max(360, sizeHint().height()));
}

namespace {
struct StoredProbe {
    QString name;
    monitor::TlsProbe::Options options; ///< empty host: the target could not be resolved
    QString problem;
};
struct StoredFacts {
    QList<store::CertificateRecord> history;
    QJsonArray targets;
    QList<StoredProbe> probes; ///< per target: where its verification connects
    bool revoked = false;
};
} // namespace

void CertificateDetailsDialog::loadFromStore() {
    const QString lineage = m_row.lineage;
    auto job = m_store->run([lineage](store::Store& s) -> Result<StoredFacts> {
        auto l = s.lineages().byName(lineage);
        if (!l)
            return l.error();
        auto history = s.certificates().history(l->id);
        if (!history)
            return history.error();
        StoredFacts facts;
        facts.history = *history;
        facts.targets = l->deployTargets;
        // Where each target's deployment is verified, exactly as the Deployer does it
        // (DeployTarget::verifyProbe).
        for (const QJsonValue& v : std::as_const(facts.targets)) {
            const QJsonObject entry = v.toObject();
            StoredProbe p;
            p.name = workflow::deployTargetName(entry);
            auto server = s.servers().byName(entry.value(QStringLiteral("server")).toString());
            if (!server) {
                p.problem = tr("The server '%1' is not in Certdeck any more.")
                                .arg(entry.value(QStringLiteral("server")).toString());
                facts.probes << p;
                continue;
            }
            auto target = workflow::deployTargetFromJson(entry, workflow::sshTargetFor(*server, s.dataDir()));
            if (!target) {
                p.problem = target.error().userMessage;
                facts.probes << p;
                continue;
            }
            p.options = target->verifyProbe(l->names);
            facts.probes << p;
        }
        // A revocation is an event naming the certificate's fingerprint (the store has no column for it).
        if (auto events = s.events().recent(50, l->id); events && !history->isEmpty())
            for (const store::EventRecord& e : std::as_const(*events))
                if (e.kind == QLatin1String("revoked") &&
                    e.data.value(QStringLiteral("sha256")).toString() == history->first().sha256)
                    facts.revoked = true;
        return facts;
    });
    QPointer<CertificateDetailsDialog> self(this);
    whenReady(std::move(job), this, [self](const Result<StoredFacts>& facts) {
        if (!self)
            return;
        if (!facts) {
            self->showMessage(facts.error().userMessage, &facts.error());
            return;
        }
        for (const store::CertificateRecord& c : facts->history) {
            auto* item = new QTreeWidgetItem(self->m_history);
            item->setText(0, QString::number(c.version));
            item->setText(1, Formatting::date(c.notBefore));
            item->setText(2, Formatting::date(c.notAfter));
            item->setText(3, c.source);
            item->setText(4, c.sha256.left(23) + QStringLiteral("…"));
            item->setToolTip(4, c.sha256);
        }
        for (int i = 0; i < self->m_history->columnCount(); ++i)
            self->m_history->resizeColumnToContents(i);
        if (!facts->history.isEmpty()) {
            self->m_row.fingerprint = facts->history.first().sha256;
            self->m_row.serial = facts->history.first().serial;
            self->m_fingerprint->setText(groupedHex(self->m_row.fingerprint));
        }
        for (const QJsonValue& v : facts->targets) {
            const QJsonObject t = v.toObject();
            auto* item = new QTreeWidgetItem(self->m_targets);
            item->setText(0, t.value(QStringLiteral("server")).toString());
            item->setText(1, t.value(QStringLiteral("preset")).toString(t.value(QStringLiteral("name")).toString()));
            const QString host = t.value(QStringLiteral("verifyHost")).toString();
            const int port = t.value(QStringLiteral("verifyPort")).toInt(443);
            item->setText(2, host.isEmpty() ? tr("the server, port %1").arg(port)
                                            : QStringLiteral("%1:%2").arg(host).arg(port));
        }
        self->m_probes.clear();
        for (int i = 0; i < facts->probes.size() && i < self->m_targets->topLevelItemCount(); ++i) {
            // Where the check connects, as resolved (the SSH host when no verify host is stored).
            const monitor::TlsProbe::Options& p = facts->probes.at(i).options;
            if (p.host.isEmpty())
                continue;
            QString where = p.host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(p.host).arg(p.port)
                                                              : QStringLiteral("%1:%2").arg(p.host).arg(p.port);
            if (p.startTls != monitor::StartTls::None)
                where += tr(" (%1 STARTTLS)").arg(monitor::TlsProbe::startTlsName(p.startTls).toUpper());
            self->m_targets->topLevelItem(i)->setText(2, where);
        }
        for (const StoredProbe& p : facts->probes) {
            TargetProbe probe;
            probe.name = p.name;
            probe.problem = p.problem;
            probe.options = p.options;
            probe.options.timeout = std::chrono::seconds(10);
            self->m_probes << probe;
        }
        if (facts->targets.isEmpty()) {
            auto* item = new QTreeWidgetItem(self->m_targets);
            item->setText(0, tr("No deploy targets: the certificate stays in Certdeck's folder."));
            item->setFirstColumnSpanned(true);
        }
        self->m_checkTargets->setEnabled(!self->m_probes.isEmpty());
        for (int i = 0; i < self->m_targets->columnCount() - 1; ++i)
            self->m_targets->resizeColumnToContents(i);
        fitToRows(self->m_history, 8);
        fitToRows(self->m_targets, 6);
        self->resize(self->width(), self->sizeHint().height());
        if (facts->revoked)
            self->markRevoked();
    });
}

QList<CertificateDetailsDialog::TargetCheck> CertificateDetailsDialog::targetChecks() const {
    QList<TargetCheck> checks;
    for (const TargetProbe& p : m_probes)
        checks << p.check;
    return checks;
}

void CertificateDetailsDialog::checkTargets() {
    if (m_probes.isEmpty() || !m_checkTargets->isEnabled())
        return;
    auto task = runTargetChecks();
    Q_UNUSED(task); // runs on; every resumption checks that the dialog still exists
}

void CertificateDetailsDialog::showTargetCheck(int index, TargetCheck check, const QString& text,
                                               const QString& toolTip) {
    m_probes[index].check = check;
    QTreeWidgetItem* item = m_targets->topLevelItem(index);
    if (!item)
        return;
    constexpr int column = 3;
    item->setText(column, text);
    item->setToolTip(column, toolTip);
    // Green: this certificate; amber: another one (not deployed yet, or an old one); red: no answer.
    const CertificateState colour = check == TargetCheck::Matches  ? CertificateState::Fine
                                    : check == TargetCheck::Other  ? CertificateState::RenewalDue
                                    : check == TargetCheck::Failed ? CertificateState::Expired
                                                                   : CertificateState::Fine;
    if (check == TargetCheck::Checking)
        item->setForeground(column, palette().color(QPalette::PlaceholderText));
    else
        item->setForeground(column, Formatting::stateColor(colour, palette()));
}

QCoro::Task<void> CertificateDetailsDialog::runTargetChecks() {
    QPointer<CertificateDetailsDialog> self(this);
    m_checkTargets->setEnabled(false);
    for (int i = 0; i < m_probes.size(); ++i)
        showTargetCheck(i, TargetCheck::Checking, tr("Checking…"), QString());
    std::optional<Error> firstError;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < m_probes.size(); ++i) {
        if (!m_probes.at(i).problem.isEmpty()) {
            showTargetCheck(i, TargetCheck::Failed, m_probes.at(i).problem, QString());
            continue;
        }
        const monitor::TlsProbe::Options options = m_probes.at(i).options;
        auto probing = monitor::TlsProbe::probe(options);
        auto served = co_await probing;
        if (!self)
            co_return;
        if (!served) {
            showTargetCheck(i, TargetCheck::Failed, served.error().userMessage, served.error().detail);
            if (!firstError) {
                firstError = served.error();
                firstError->userMessage = m_probes.at(i).name + QStringLiteral(": ") + firstError->userMessage;
            }
            continue;
        }
        const QString where = QStringLiteral("%1:%2").arg(options.host).arg(options.port);
        if (!m_row.fingerprint.isEmpty() &&
            served->leafSha256Hex.compare(m_row.fingerprint, Qt::CaseInsensitive) == 0) {
            showTargetCheck(i, TargetCheck::Matches, tr("This certificate"),
                            tr("%1 serves this certificate (%2).").arg(where, served->leafSha256Hex));
        } else {
            showTargetCheck(
                i, TargetCheck::Other,
                tr("Another certificate: %1…, expires %2")
                    .arg(served->leafSha256Hex.left(11), Formatting::relativeWithDate(served->notAfter, now)),
                tr("%1 serves %2\nSHA-256 %3\nIssuer %4")
                    .arg(where, served->subject, served->leafSha256Hex, served->issuer));
        }
    }
    for (int i = 0; i < m_targets->columnCount() - 1; ++i)
        m_targets->resizeColumnToContents(i);
    m_checkTargets->setEnabled(true);
    if (firstError)
        showMessage(firstError->userMessage, &*firstError);
    else
        showMessage(QString());
    Q_EMIT targetsChecked();
}

void CertificateDetailsDialog::showMessage(const QString& text, const Error* error) {
    m_message->setText(text);
    m_detail = error ? error->detail : QString();
    m_messageDetails->setVisible(!m_detail.isEmpty());
    m_message->setForegroundRole(error ? QPalette::BrightText : QPalette::WindowText);
    if (error) {
        QPalette p = m_message->palette();
        p.setColor(QPalette::WindowText, Formatting::stateColor(CertificateState::Expired, palette()));
        m_message->setPalette(p);
        m_message->setForegroundRole(QPalette::WindowText);
    } else {
        m_message->setPalette(palette());
    }
}

void CertificateDetailsDialog::openExport() {
    auto* dialog = new CertificateExportDialog(m_row.lineage, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString lineage = m_row.lineage;
        const QString folder = dialog->folder();
        const bool p12 = dialog->format() == CertificateExportDialog::Format::Pkcs12;
        const SecureBytes password = dialog->password();
        // Key and chain come from the KeyVault on the store's thread; the files are written there too.
        auto job = m_store->run([lineage, folder, p12, password](store::Store& s) -> Result<QString> {
            auto key = s.vault().loadKey(lineage);
            if (!key)
                return key.error();
            auto chain = s.vault().loadChain(lineage);
            if (!chain)
                return chain.error();
            if (chain->isEmpty())
                return Error(ErrorCode::NotFound, tr("%1 has no certificate to export.").arg(lineage));
            if (!QDir().mkpath(folder))
                return Error(ErrorCode::Permission, tr("Cannot create the folder %1.").arg(folder));
            if (p12) {
                auto der = crypto::Pkcs12::create(*key, chain->first(), chain->mid(1), password, lineage);
                if (!der)
                    return der.error();
                const QString file = folder + QLatin1Char('/') + lineage + QStringLiteral(".p12");
                if (auto w = writeFileAtomic(file, *der, 0600); !w)
                    return w.error();
                return file;
            }
            auto keyPem = key->toPem();
            if (!keyPem)
                return keyPem.error();
            const QByteArray leaf = chain->first().toPem();
            const QByteArray rest = crypto::Certificate::chainToPem(chain->mid(1));
            const QString d = folder + QLatin1Char('/');
            // Everything 0600: exported copies are the user's, not a web server's.
            const QList<std::pair<QString, QByteArray>> files{{QStringLiteral("privkey.pem"), keyPem->bytes()},
                                                              {QStringLiteral("cert.pem"), leaf},
                                                              {QStringLiteral("chain.pem"), rest},
                                                              {QStringLiteral("fullchain.pem"), leaf + rest}};
            for (const auto& [fileName, content] : files)
                if (auto w = writeFileAtomic(d + fileName, content, 0600); !w)
                    return w.error();
            return folder;
        });
        QPointer<CertificateDetailsDialog> self(this);
        whenReady(std::move(job), this, [self](const Result<QString>& written) {
            if (!self)
                return;
            if (written)
                self->showMessage(tr("Exported to %1.").arg(QDir::toNativeSeparators(*written)));
            else
                self->showMessage(written.error().userMessage, &written.error());
        });
    });
    dialog->open();
}

void CertificateDetailsDialog::confirmRevoke() {
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Revoke certificate"),
                        tr("Revoke the certificate for %1?").arg(Formatting::namesSummary(m_row.names).toHtmlEscaped()),
                        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("revokeConfirm"));
    box->setInformativeText(tr("The CA will tell browsers not to trust it any more. This cannot be undone; servers "
                               "still using it will show errors until they get a new certificate."));
    auto* yes = box->addButton(tr("Revoke"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("revokeConfirmYes"));
    auto* no = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(no);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, yes](QAbstractButton* clicked) {
        if (clicked == yes) {
            auto task = revoke();
            Q_UNUSED(task);
        }
    });
    box->open();
}

QCoro::Task<void> CertificateDetailsDialog::revoke() {
    QPointer<CertificateDetailsDialog> self(this);
    m_revoke->setEnabled(false);
    showMessage(tr("Revoking…"));
    const QString lineageName = m_row.lineage;
    // The account and the certificate live in the store: a Store of its own on this thread for the
    // few small reads (the network part is asynchronous), as the in-app renewal does.
    auto opened = store::Store::open(m_store->dataDir());
    if (!opened) {
        showMessage(opened.error().userMessage, &opened.error());
        m_revoke->setEnabled(true);
        co_return;
    }
    std::unique_ptr<store::Store> st = std::move(*opened);
    auto lineage = st->lineages().byName(lineageName);
    auto chain = lineage ? st->vault().loadChain(lineageName) : Result<QList<crypto::Certificate>>(lineage.error());
    if (!lineage || !chain || chain->isEmpty()) {
        const Error e = !lineage ? lineage.error()
                        : !chain ? chain.error()
                                 : Error(ErrorCode::NotFound, tr("%1 has no certificate to revoke.").arg(lineageName));
        showMessage(e.userMessage, &e);
        m_revoke->setEnabled(true);
        co_return;
    }
    net::HttpClient http;
    const QString caFile = lineage->challenge.value(QStringLiteral("caFile")).toString();
    if (!caFile.isEmpty())
        (void)http.addTrustedCertificatesFromFile(caFile);
    acme::AcmeClient client(http);
    workflow::AccountOptions options;
    options.createIfMissing = false;
    Progress progress;
    const CancelToken cancel;
    const QUrl directory = lineage->directoryUrl;
    auto opening = workflow::openStoreAccount(client, *st, directory, options, progress, cancel);
    auto account = co_await opening;
    if (!self)
        co_return;
    if (!account) {
        showMessage(account.error().userMessage, &account.error());
        m_revoke->setEnabled(true);
        co_return;
    }
    const crypto::Certificate leaf = chain->first();
    auto revoking = client.revoke(leaf, 0, nullptr, cancel);
    const Status revoked = co_await revoking;
    if (!self)
        co_return;
    if (!revoked) {
        showMessage(revoked.error().userMessage, &revoked.error());
        m_revoke->setEnabled(true);
        co_return;
    }
    store::EventRecord event;
    event.kind = QStringLiteral("revoked");
    event.lineageId = lineage->id;
    event.subject = lineageName;
    event.message = tr("Certificate %1 revoked.").arg(lineageName);
    event.data = QJsonObject{{QStringLiteral("sha256"), leaf.sha256FingerprintHex()},
                             {QStringLiteral("serial"), leaf.serialNumberHex()}};
    if (auto s = st->events().append(event); !s)
        qCWarning(lcStore) << "revoked event:" << s.error().toString();
    markRevoked();
    showMessage(tr("Revoked. Renew or issue a new certificate for servers that still use it."));
    Q_EMIT self->revoked(lineageName);
}

void CertificateDetailsDialog::markRevoked() {
    m_revoked = true;
    m_state->setText(tr("Revoked"));
    m_explanation->setText(tr("The CA was told to revoke this certificate: browsers will refuse it."));
    if (m_revoke)
        m_revoke->setEnabled(false);
}

} // namespace certdeck::ui
