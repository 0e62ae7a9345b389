// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CertificateDetailsDialog.h"

#include "ui/Formatting.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

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
} // namespace

CertificateDetailsDialog::CertificateDetailsDialog(const CertificateRow& row, const QDateTime& now, QWidget* parent)
    : QDialog(parent) {
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
    title->setObjectName(QStringLiteral("detailsState"));
    QFont f = title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.25);
    title->setFont(f);
    auto* explanation = value(Formatting::stateExplanation(row, now), banner);
    explanation->setObjectName(QStringLiteral("detailsExplanation"));
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
    if (!row.fingerprint.isEmpty())
        form->addRow(tr("SHA-256:"), value(groupedHex(row.fingerprint), this, true));
    if (!row.location.isEmpty())
        form->addRow(tr("Files:"), value(QDir::toNativeSeparators(row.location), this));
    layout->addLayout(form);
    auto* later = new QLabel(tr("Renewal history, deploy targets, export and revoke appear here as those features "
                                "arrive."),
                             this);
    later->setWordWrap(true);
    later->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(later);

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
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // As tall as the facts need: no empty half-dialog for certificates with few facts.
    resize(640, std::max(360, sizeHint().height()));
}

} // namespace certdeck::ui
