// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/IssuanceSettings.h"

#include <QCoroTask>
#include <QWizardPage>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QWidget;

namespace certdeck::store {
class StoreExecutor;
}

namespace certdeck::ui {

/// Step 2: how the CA's challenge is answered — the built-in responder (the sandbox's, or port 80
/// here), a web server folder on this computer, a web server folder on a stored SSH server (with a
/// webroot default per preset and an optional self-check), or a DNS record through a stored DNS
/// provider or by hand (Manual). Servers and providers are read from the store as the page opens.
/// Wildcard names force dns-01 (RFC 8555 §7.1.3): the http-01 choices are disabled with the reason.
/// The local test CA (sandbox mode, or the sandbox as the default CA) validates only against this
/// computer: the SSH webroot and dns-01 are disabled with the reason (challengeSandboxNote). "Add
/// server…" (challengeAddServer) opens the ServerDialog, saves the server (ServerStore), confirms its
/// host key and selects it.
class WizardChallengePage : public QWizardPage {
    Q_OBJECT
public:
    WizardChallengePage(bool sandboxMode, store::StoreExecutor* store, QWidget* parent = nullptr);
    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;

    [[nodiscard]] ChallengeMethod method() const;
    /// Fills method, webroot, server, self-check and DNS provider of `settings`.
    void fill(IssuanceSettings& settings) const;
    /// True once the servers and DNS providers have been read (tests wait for it).
    [[nodiscard]] bool isLoaded() const { return m_loaded; }

    /// The webroot a preset's default site serves ("nginx", "apache": /var/www/html; "generic": none).
    static QString defaultWebroot(const QString& preset);

    /// Whether the local test CA will validate (the SSH webroot and dns-01 are then off).
    [[nodiscard]] bool sandboxCa() const { return m_sandboxCa; }

Q_SIGNALS:
    void loaded();
    /// "Add server…" ended: `name` was saved (empty: nothing was added); `trusted` when its host key is.
    void serverAdded(const QString& name, bool trusted);

private:
    QCoro::Task<void> load();
    QCoro::Task<void> addServer();
    void updateEnabled();

    bool m_sandboxMode;
    store::StoreExecutor* m_store;
    QButtonGroup* m_group = nullptr;
    QRadioButton* m_builtIn = nullptr;
    QRadioButton* m_localWebroot = nullptr;
    QRadioButton* m_remote = nullptr;
    QRadioButton* m_dns = nullptr;
    QLineEdit* m_webroot = nullptr;
    QWidget* m_remoteBox = nullptr;
    QComboBox* m_server = nullptr;
    QPushButton* m_addServer = nullptr;
    QComboBox* m_preset = nullptr;
    QLineEdit* m_remoteWebroot = nullptr;
    QCheckBox* m_skipSelfCheck = nullptr;
    QLabel* m_serverNote = nullptr;
    QWidget* m_dnsBox = nullptr;
    QComboBox* m_dnsProvider = nullptr;
    QLabel* m_dnsNote = nullptr;
    QLabel* m_wildcardNote = nullptr;
    QLabel* m_sandboxNote = nullptr;
    bool m_sandboxCa = false;
    bool m_hasWildcard = false;
    bool m_loaded = false;
    bool m_webrootEdited = false;
};

} // namespace certdeck::ui
