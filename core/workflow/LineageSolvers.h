// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/Store.h"
#include "core/workflow/RenewCertificate.h"

namespace certdeck::workflow {

/// Every challenge method a lineage can be renewed with unattended, in the CLI and the desktop app
/// alike: what solversFromSettings() builds (local webroot, built-in responder), plus
///   {"method":"remote-webroot","server":NAME,"webroot":DIR,"selfCheck":bool,"sudo":bool}
///       http-01 through a stored server's webroot over SSH (host key from Certdeck's known_hosts,
///       password or passphrase from the keychain), logged in only when a renewal presents a token;
///   {"method":"dns-01","provider":NAME,"resolver":"ADDR:PORT"}
///       dns-01 through a stored DNS provider, its credential read only when needed.
/// Solvers are shared through `shared` (one SSH login per server and webroot, one provider per name)
/// by every renewal of the run; they use `store`, which must outlive them, on this thread.
/// A manual dns-01 lineage cannot renew unattended: InvalidInput saying so.
Result<SolverList> solversForLineage(store::Store& store, const store::Lineage& lineage, SharedResponders* shared);

} // namespace certdeck::workflow
