// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/CancelToken.h"
#include "core/common/Result.h"
#include "core/monitor/TlsProbe.h"

#include <QCoroTask>
#include <QList>

namespace certdeck::monitor {

/// Probes many endpoints with at most `maxConcurrent` handshakes in flight (its own threads, so a
/// slow server never holds up the global pool). Results come back in the order of the input, one
/// per endpoint: a failed probe is an error in its slot, never a failure of the scan. Endpoints not
/// yet started when the token is cancelled get a cancelled error.
class EndpointScanner {
public:
    explicit EndpointScanner(int maxConcurrent = 8);

    [[nodiscard]] int maxConcurrent() const { return m_maxConcurrent; }

    QCoro::Task<QList<Result<TlsProbeResult>>> scan(QList<TlsProbe::Options> endpoints, CancelToken cancel = {});

private:
    int m_maxConcurrent;
};

} // namespace certdeck::monitor
