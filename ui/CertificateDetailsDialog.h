// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/CertificateRow.h"

#include <QDialog>

namespace certdeck::ui {

/// The facts about one certificate: state in words, names (with punycode), validity, planned renewal
/// and ARI window, issuer, key, fingerprint, where its files are. Renewal history, deploy targets,
/// export and revoke join this view as their core pieces land.
class CertificateDetailsDialog : public QDialog {
    Q_OBJECT
public:
    CertificateDetailsDialog(const CertificateRow& row, const QDateTime& now, QWidget* parent = nullptr);
};

} // namespace certdeck::ui
