// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"
#include "core/schedule/Notification.h"

#include <QCoroTask>
#include <QString>

namespace certdeck::schedule {

/// A way to tell a person (webhook, e-mail, desktop). send() never throws and is bounded in time;
/// a failed notification is reported as a value so the caller can record it as an event.
/// Implementations live in the thread that created them.
class Notifier {
public:
    virtual ~Notifier();
    /// "webhook (ntfy) https://ntfy.sh/…", "e-mail to ops@example.com"; never a secret.
    [[nodiscard]] virtual QString description() const = 0;
    virtual QCoro::Task<Status> send(Notification notification) = 0;
};

} // namespace certdeck::schedule
