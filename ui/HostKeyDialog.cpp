// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/HostKeyDialog.h"

#include "ui/Formatting.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace certdeck::ui {

namespace {

QLabel* monospace(const QString& text, const QString& objectName, QWidget* parent) {
    auto* l = new QLabel(text, parent);
    l->setObjectName(objectName);
    l->setTextFormat(Qt::PlainText);
    l->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return l;
}

} // namespace

QString HostKeyDialog::serverKeyFile(const QString& keyType) {
    if (keyType == QLatin1String("ssh-ed25519"))
        return QStringLiteral("/etc/ssh/ssh_host_ed25519_key.pub");
    if (keyType.startsWith(QLatin1String("ecdsa-")))
        return QStringLiteral("/etc/ssh/ssh_host_ecdsa_key.pub");
    if (keyType.startsWith(QLatin1String("ssh-rsa")) || keyType.startsWith(QLatin1String("rsa-")))
        return QStringLiteral("/etc/ssh/ssh_host_rsa_key.pub");
    return QStringLiteral("/etc/ssh/ssh_host_*_key.pub");
}

HostKeyDialog::HostKeyDialog(const ssh::HostKeyInfo& key, const QString& serverName, const QString& recordedFingerprint,
                             QWidget* parent)
    : QDialog(parent)
    , m_key(key) {
    setObjectName(QStringLiteral("hostKeyDialog"));
    const bool changed = key.status == ssh::HostKeyStatus::Changed;
    setWindowTitle(changed ? tr("Host key changed — %1").arg(serverName) : tr("Trust %1?").arg(serverName));

    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    auto* icon = new QLabel(this);
    icon->setPixmap(
        style()->standardIcon(changed ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxQuestion).pixmap(48, 48));
    header->addWidget(icon, 0, Qt::AlignTop);
    auto* heading = new QLabel(this);
    heading->setObjectName(QStringLiteral("hostKeyHeading"));
    heading->setWordWrap(true);
    heading->setTextFormat(Qt::PlainText);
    QFont f = heading->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    heading->setFont(f);
    if (changed) {
        heading->setText(tr("Stop: %1 presents a different host key than the one recorded.").arg(key.knownHostsName()));
        QPalette p = heading->palette();
        p.setColor(QPalette::WindowText, Formatting::stateColor(CertificateState::Expired, palette()));
        heading->setPalette(p);
    } else {
        heading->setText(tr("First connection to %1: is this really your server?").arg(key.knownHostsName()));
    }
    header->addWidget(heading, 1);
    layout->addLayout(header);

    auto* form = new QFormLayout;
    auto* type = new QLabel(QStringLiteral("%1 (%2)").arg(key.typeLabel(), key.keyType), this);
    type->setObjectName(QStringLiteral("hostKeyType"));
    type->setTextFormat(Qt::PlainText);
    form->addRow(tr("Key type:"), type);
    auto* fp = monospace(key.fingerprint, QStringLiteral("hostKeyFingerprint"), this);
    fp->setAccessibleName(tr("Fingerprint the server presents"));
    form->addRow(changed ? tr("Presented now:") : tr("Fingerprint:"), fp);
    if (changed && !recordedFingerprint.isEmpty()) {
        auto* old = monospace(recordedFingerprint, QStringLiteral("hostKeyRecordedFingerprint"), this);
        old->setAccessibleName(tr("Fingerprint recorded before"));
        form->addRow(tr("Recorded before:"), old);
    }
    layout->addLayout(form);

    const QString command = QStringLiteral("ssh-keygen -lf %1").arg(serverKeyFile(key.keyType));
    auto* explain = new QLabel(this);
    explain->setObjectName(QStringLiteral("hostKeyExplanation"));
    explain->setWordWrap(true);
    explain->setTextFormat(Qt::PlainText);
    explain->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    if (changed) {
        explain->setText(
            tr("Certdeck did not log in and sent nothing. A changed key means either the server was reinstalled "
               "or its SSH keys regenerated — or someone is between you and the server, trying to read what "
               "Certdeck would send (passwords, private keys).\n\n"
               "Ask whoever runs the server, or open its console (not over SSH from this network) and run:\n"
               "    %1\n"
               "Only if the fingerprint printed there is exactly the one above, replace the recorded key. "
               "If it is not, do not connect: the connection is being intercepted.")
                .arg(command));
    } else {
        explain->setText(
            tr("Certdeck has never connected to this server, so it cannot tell it from an impostor yet. "
               "Compare the fingerprint above with the server's own: on its console (or in your hosting "
               "provider's web console) run\n"
               "    %1\n"
               "and trust the key only if both are the same. Nothing is recorded and no login is attempted "
               "until you do.")
                .arg(command));
    }
    layout->addWidget(explain);

    auto* buttons = new QDialogButtonBox(this);
    buttons->setObjectName(QStringLiteral("hostKeyButtons"));
    if (changed) {
        m_checked = new QCheckBox(tr("I compared the fingerprint on the server itself and it matches"), this);
        m_checked->setObjectName(QStringLiteral("hostKeyConfirmChecked"));
        layout->addWidget(m_checked);
        auto* close = buttons->addButton(QDialogButtonBox::Close);
        close->setObjectName(QStringLiteral("hostKeyClose"));
        close->setDefault(true);
        close->setAutoDefault(true);
        m_replace = buttons->addButton(tr("Replace the recorded key"), QDialogButtonBox::ActionRole);
        m_replace->setObjectName(QStringLiteral("hostKeyReplace"));
        m_replace->setAutoDefault(false);
        m_replace->setEnabled(false);
        connect(m_checked, &QCheckBox::toggled, m_replace, &QWidget::setEnabled);
        connect(close, &QPushButton::clicked, this, &QDialog::reject);
        connect(m_replace, &QPushButton::clicked, this, [this] {
            if (m_checked->isChecked())
                done(Replace);
        });
        close->setFocus();
    } else {
        auto* cancel = buttons->addButton(QDialogButtonBox::Cancel);
        cancel->setObjectName(QStringLiteral("hostKeyCancel"));
        cancel->setDefault(true);
        cancel->setAutoDefault(true);
        auto* trust = buttons->addButton(tr("&Trust this key"), QDialogButtonBox::AcceptRole);
        trust->setObjectName(QStringLiteral("hostKeyTrust"));
        trust->setAutoDefault(false);
        connect(trust, &QPushButton::clicked, this, [this] { done(Trust); });
        connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
        cancel->setFocus();
    }
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

} // namespace certdeck::ui
