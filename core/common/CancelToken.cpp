// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/CancelToken.h"

namespace certdeck {

CancelToken::CancelToken()
    : m_state(std::make_shared<detail::CancelState>()) {}

void CancelToken::cancel() const {
    if (!m_state->cancelled.exchange(true))
        Q_EMIT m_state->cancelRequested();
}

} // namespace certdeck
