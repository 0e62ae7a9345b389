// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void registerCertdeckResources() {
    Q_INIT_RESOURCE(certdeck);
}

namespace certdeck::ui {

void initResources() {
    static const bool once = [] {
        registerCertdeckResources();
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace certdeck::ui
