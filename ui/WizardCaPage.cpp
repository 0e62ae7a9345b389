// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WizardCaPage.h"

#include "ui/AddDomainWizard.h"
#include "ui/WizardCaDirectory.h"
#include "ui/WizardChallengePage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QSettings>
#include <QVBoxLayout>

namespace certdeck::ui {

WizardCaPage::WizardCaPage(CaChoice defaultCa, crypto::KeyType defaultKey, bool sandboxAvailable, QWidget* parent)
    : QWizardPage(parent) {
    setObjectName(QStringLiteral("wizardCaPage"));
    setTitle(tr("Certificate authority and key"));
    setSubTitle(tr("Who signs the certificate, and what kind of key it gets. Try the staging or local test CA "
                   "first if you are unsure: nothing counts against any limit there."));
    auto* form = new QFormLayout(this);

    m_ca = new QComboBox(this);
    m_ca->setObjectName(QStringLiteral("wizardCa"));
    m_ca->setAccessibleName(tr("Certificate authority"));
    for (CaChoice c : {CaChoice::LetsEncrypt, CaChoice::LetsEncryptStaging, CaChoice::ZeroSsl,
                       CaChoice::GoogleTrustServices, CaChoice::Buypass, CaChoice::Custom, CaChoice::Sandbox}) {
        if (c == CaChoice::Sandbox && !sandboxAvailable)
            continue;
        m_ca->addItem(IssuanceSettings::caName(c), static_cast<int>(c));
    }
    m_ca->setCurrentIndex(std::max(0, m_ca->findData(static_cast<int>(defaultCa))));
    form->addRow(tr("&CA:"), m_ca);
    m_caDescription = new QLabel(this);
    m_caDescription->setObjectName(QStringLiteral("wizardCaDescription"));
    m_caDescription->setWordWrap(true);
    form->addRow(QString(), m_caDescription);
    m_sandboxNote = new QLabel(this);
    m_sandboxNote->setObjectName(QStringLiteral("wizardCaSandboxNote"));
    m_sandboxNote->setWordWrap(true);
    m_sandboxNote->setVisible(false);
    form->addRow(QString(), m_sandboxNote);

    m_customUrl = new QLineEdit(this);
    m_customUrl->setObjectName(QStringLiteral("wizardCaUrl"));
    m_customUrl->setPlaceholderText(QStringLiteral("https://acme.example/directory"));
    m_customUrl->setAccessibleName(tr("Directory URL"));
    form->addRow(tr("Directory &URL:"), m_customUrl);
    m_customRow = m_customUrl;

    m_eabBox = new QWidget(this);
    auto* eab = new QFormLayout(m_eabBox);
    eab->setContentsMargins(0, 0, 0, 0);
    m_eabKid = new QLineEdit(m_eabBox);
    m_eabKid->setObjectName(QStringLiteral("wizardEabKid"));
    m_eabKid->setAccessibleName(tr("EAB key ID"));
    m_eabHmac = new QLineEdit(m_eabBox);
    m_eabHmac->setObjectName(QStringLiteral("wizardEabHmac"));
    m_eabHmac->setAccessibleName(tr("EAB HMAC key"));
    m_eabHmac->setEchoMode(QLineEdit::Password);
    eab->addRow(tr("EAB &key ID:"), m_eabKid);
    eab->addRow(tr("EAB &HMAC key:"), m_eabHmac);
    form->addRow(m_eabBox);

    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("wizardEmail"));
    m_email->setAccessibleName(tr("Contact e-mail"));
    m_email->setPlaceholderText(tr("optional: the CA writes here about problems"));
    form->addRow(tr("&E-mail:"), m_email);
    m_terms = new QCheckBox(tr("I agree to the CA's terms of service"), this);
    m_terms->setObjectName(QStringLiteral("wizardTerms"));
    form->addRow(QString(), m_terms);

    m_keyType = new QComboBox(this);
    m_keyType->setObjectName(QStringLiteral("wizardKeyType"));
    m_keyType->setAccessibleName(tr("Key type"));
    for (auto k : {crypto::KeyType::P256, crypto::KeyType::P384, crypto::KeyType::Rsa2048, crypto::KeyType::Rsa3072,
                   crypto::KeyType::Rsa4096})
        m_keyType->addItem(IssuanceSettings::keyTypeLabel(k), static_cast<int>(k));
    m_keyType->setCurrentIndex(std::max(0, m_keyType->findData(static_cast<int>(defaultKey))));
    form->addRow(tr("&Key type:"), m_keyType);
    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("wizardProfile"));
    m_profile->setAccessibleName(tr("Certificate profile"));
    m_profile->addItem(tr("The CA's default"), QString());
    form->addRow(tr("&Profile:"), m_profile);
    m_profileNote = new QLabel(this);
    m_profileNote->setObjectName(QStringLiteral("wizardProfileNote"));
    m_profileNote->setWordWrap(true);
    m_profileNote->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_profileNote);
    m_staging = new QCheckBox(this);
    m_staging->setObjectName(QStringLiteral("wizardTryStaging"));
    m_staging->setChecked(true);
    form->addRow(QString(), m_staging);

    connect(m_ca, &QComboBox::currentIndexChanged, this, &WizardCaPage::updateVisibility);
    connect(m_ca, &QComboBox::currentIndexChanged, this, &WizardCaPage::readProfiles);
    connect(m_customUrl, &QLineEdit::editingFinished, this, &WizardCaPage::readProfiles);
    for (QLineEdit* e : {m_customUrl, m_eabHmac})
        connect(e, &QLineEdit::textChanged, this, &WizardCaPage::completeChanged);
    connect(m_eabKid, &QLineEdit::textChanged, this, &WizardCaPage::prefillEab);
    connect(m_terms, &QCheckBox::toggled, this, &WizardCaPage::completeChanged);
    updateVisibility();
}

CaChoice WizardCaPage::ca() const {
    return static_cast<CaChoice>(m_ca->currentData().toInt());
}

void WizardCaPage::updateVisibility() {
    const CaChoice c = ca();
    m_caDescription->setText(IssuanceSettings::caDescription(c));
    m_customRow->setVisible(c == CaChoice::Custom);
    if (auto* label = qobject_cast<QFormLayout*>(layout())->labelForField(m_customRow))
        label->setVisible(c == CaChoice::Custom);
    m_eabBox->setVisible(needsEab());
    prefillEab();
    // The sandbox has no terms to agree to.
    m_terms->setVisible(c != CaChoice::Sandbox);
    const bool conflict = sandboxConflict();
    if (conflict) {
        const bool dns = challengeMethod() == ChallengeMethod::Dns01;
        m_sandboxNote->setText(
            dns ? tr("The local test CA only checks this computer, so it cannot see a DNS record (dns-01). Go "
                     "Back and choose the built-in responder or a web server folder on this computer, or choose a "
                     "real CA here.")
                : tr("The local test CA only checks this computer, so it cannot reach a web server folder on an SSH "
                     "server. Go Back and choose the built-in responder or a web server folder on this computer, or "
                     "choose a real CA here."));
    }
    m_sandboxNote->setVisible(conflict);
    const std::optional<CaChoice> twin = IssuanceSettings::stagingTwin(c);
    m_staging->setVisible(twin.has_value());
    if (twin)
        m_staging->setText(tr("Try against %1 first (a dry run: if something is wrong, no real order fails)")
                               .arg(IssuanceSettings::caName(*twin)));
    Q_EMIT completeChanged();
}

std::optional<ChallengeMethod> WizardCaPage::challengeMethod() const {
    QWizard* w = wizard();
    const auto* challenge =
        w ? qobject_cast<const WizardChallengePage*>(w->page(AddDomainWizard::ChallengePageId)) : nullptr;
    if (!challenge)
        return std::nullopt;
    return challenge->method();
}

bool WizardCaPage::sandboxConflict() const {
    if (ca() != CaChoice::Sandbox)
        return false;
    const std::optional<ChallengeMethod> method = challengeMethod();
    return method == ChallengeMethod::Dns01 || method == ChallengeMethod::RemoteWebroot;
}

bool WizardCaPage::isComplete() const {
    const CaChoice c = ca();
    if (c == CaChoice::Sandbox)
        return !sandboxConflict();
    if (!m_terms->isChecked())
        return false;
    if (c == CaChoice::Custom) {
        const QUrl u(m_customUrl->text().trimmed(), QUrl::StrictMode);
        if (!u.isValid() || u.scheme() != QLatin1String("https") || u.host().isEmpty())
            return false;
    }
    if (needsEab()) {
        const QString kid = m_eabKid->text().trimmed();
        // The HMAC key may be left empty when the keychain holds the one for this key ID.
        if (kid.isEmpty() || (m_eabHmac->text().isEmpty() && kid != m_storedKid))
            return false;
    }
    return true;
}

bool WizardCaPage::needsEab() const {
    return IssuanceSettings::caNeedsEab(ca()) || (m_directoryWantsEab && ca() != CaChoice::Sandbox);
}

QUrl WizardCaPage::chosenDirectory() const {
    IssuanceSettings probe;
    probe.ca = ca();
    probe.customDirectory = QUrl(m_customUrl->text().trimmed(), QUrl::StrictMode);
    return probe.directoryUrl();
}

void WizardCaPage::prefillEab() {
    // The key ID used with this CA before is remembered; its HMAC key is in the keychain (never here).
    const QUrl directory = chosenDirectory();
    m_storedKid =
        directory.isValid() ? QSettings().value(IssuanceSettings::eabKeyIdSetting(directory)).toString() : QString();
    if (!m_storedKid.isEmpty() && m_eabKid->text().isEmpty())
        m_eabKid->setText(m_storedKid);
    m_eabHmac->setPlaceholderText(!m_storedKid.isEmpty() && m_eabKid->text().trimmed() == m_storedKid
                                      ? tr("kept in your keychain: leave empty to use it")
                                      : QString());
    Q_EMIT completeChanged();
}

void WizardCaPage::fill(IssuanceSettings& s) const {
    s.ca = ca();
    s.customDirectory = QUrl(m_customUrl->text().trimmed(), QUrl::StrictMode);
    if (needsEab()) {
        s.eabKeyId = m_eabKid->text().trimmed();
        s.eabHmacKey = SecureBytes(m_eabHmac->text().trimmed().toUtf8());
    }
    s.contactEmail = m_email->text().trimmed();
    s.termsAgreed = m_terms->isChecked();
    s.keyType = static_cast<crypto::KeyType>(m_keyType->currentData().toInt());
    s.profile = m_profile->currentData().toString();
    s.tryStagingFirst = IssuanceSettings::stagingTwin(s.ca).has_value() && m_staging->isChecked();
}

void WizardCaPage::initializePage() {
    // The challenge may have changed since this page was last shown (Back, another method, Next).
    updateVisibility();
    readProfiles();
}

void WizardCaPage::readProfiles() {
    // The sandbox (Pebble) lists no profiles; a real CA's directory is read (bounded by the HTTP
    // client's timeouts) each time another CA is chosen.
    IssuanceSettings probe;
    probe.ca = ca();
    probe.customDirectory = QUrl(m_customUrl->text().trimmed(), QUrl::StrictMode);
    const QUrl url = probe.isSandbox() ? QUrl() : probe.directoryUrl();
    if (url == m_profilesFor && !m_readingProfiles)
        return;
    m_profileCancel.cancel();
    m_profileCancel = CancelToken();
    m_profilesFor = url;
    m_directoryWantsEab = false;
    while (m_profile->count() > 1)
        m_profile->removeItem(1);
    m_profile->setCurrentIndex(0);
    m_profile->setEnabled(false);
    const int generation = ++m_profileGeneration;
    if (!url.isValid() || url.scheme() != QLatin1String("https")) {
        m_readingProfiles = false;
        m_profileNote->setText(probe.isSandbox() ? tr("The local test CA has one kind of certificate.") : QString());
        Q_EMIT profilesRead();
        return;
    }
    auto* w = qobject_cast<AddDomainWizard*>(wizard());
    const QString trust = w ? w->context().caTrustFile : QString();
    m_readingProfiles = true;
    m_profileNote->setText(tr("Asking the CA which certificate profiles it offers …"));
    fetchProfiles(url, trust, generation);
}

QCoro::Task<void> WizardCaPage::fetchProfiles(QUrl url, QString trustFile, int generation) {
    QPointer<WizardCaPage> self(this);
    const CancelToken cancel = m_profileCancel;
    auto task = WizardCaDirectory::fetch(url, trustFile, cancel);
    const Result<acme::Directory> directory = co_await task;
    if (!self || generation != m_profileGeneration)
        co_return;
    m_readingProfiles = false;
    m_directoryWantsEab = directory && directory->externalAccountRequired;
    updateVisibility();
    if (!directory) {
        m_profileNote->setText(tr("Could not read the CA's directory (%1); its default profile is used.")
                                   .arg(directory.error().userMessage));
    } else if (directory->profiles.isEmpty()) {
        m_profileNote->setText(tr("This CA offers one kind of certificate."));
    } else {
        for (auto it = directory->profiles.cbegin(); it != directory->profiles.cend(); ++it)
            m_profile->addItem(WizardCaDirectory::profileLine(it.key(), it.value()), it.key());
        m_profile->setEnabled(true);
        m_profileNote->setText(tr("Shorter-lived certificates limit the damage of a leaked key; Certdeck renews "
                                  "them automatically."));
    }
    Q_EMIT profilesRead();
}

} // namespace certdeck::ui
