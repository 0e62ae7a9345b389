// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule/Notifier.h"

namespace certdeck::schedule {

Notifier::~Notifier() = default;

} // namespace certdeck::schedule
