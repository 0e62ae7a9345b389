// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/acme/ChallengeSolver.h"

#include "core/crypto/Base64Url.h"

#include <QCryptographicHash>

namespace certdeck::acme {

QString ChallengeTask::httpPath() const {
    return QStringLiteral("/.well-known/acme-challenge/") + token;
}

QString ChallengeTask::dnsRecordName() const {
    QString name = identifier.value;
    if (name.startsWith(QLatin1String("*.")))
        name = name.mid(2);
    return QStringLiteral("_acme-challenge.") + name;
}

QString ChallengeTask::dnsRecordValue() const {
    return QString::fromLatin1(
        crypto::base64url(QCryptographicHash::hash(keyAuthorization, QCryptographicHash::Sha256)));
}

} // namespace certdeck::acme
