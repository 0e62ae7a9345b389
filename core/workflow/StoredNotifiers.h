// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/SecureBytes.h"
#include "core/net/HttpClient.h"
#include "core/schedule/Notifier.h"
#include "core/store/Store.h"

#include <QCoroTask>
#include <QStringList>

#include <memory>
#include <vector>

namespace certdeck::workflow {

/// The notifiers the user stored (`certdeck-cli notify add`), built and owned together.
struct StoredNotifiers {
    std::vector<std::unique_ptr<schedule::Notifier>> owned;
    /// The stored name of each of `owned`, same order.
    QStringList names;
    /// Stored notifiers that could not be built (secret unreadable, bad settings), one line each.
    QStringList problems;

    /// Not owned pointers, for RenewalEnvironment::notifiers; valid while this object lives.
    [[nodiscard]] std::vector<schedule::Notifier*> pointers() const;
};

/// One stored notifier with its secret (the webhook URL, or the SMTP password; empty when it has none).
/// `http` must outlive the notifier.
Result<std::unique_ptr<schedule::Notifier>> makeNotifier(const store::NotifierRecord& record, const SecureBytes& secret,
                                                         net::HttpClient& http);

/// Every enabled stored notifier, each secret read from the store's Secrets (keychain or file).
/// A notifier that cannot be built is left out and named in `problems`; the others still work.
QCoro::Task<StoredNotifiers> loadStoredNotifiers(store::Store& store, net::HttpClient& http);

} // namespace certdeck::workflow
