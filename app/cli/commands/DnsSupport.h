// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// dns-01 solvers from stored providers live in core (renewals in the desktop app need them too).
#include "core/workflow/DnsSolverBundle.h"

namespace certdeck::cli {

using workflow::dnsProviderNeedsSecret;
using workflow::DnsSolverBundle;
using workflow::makeDnsSolver;

} // namespace certdeck::cli
