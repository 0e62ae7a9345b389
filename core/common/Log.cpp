// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/common/Log.h"

Q_LOGGING_CATEGORY(lcCommon, "certdeck.common", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "certdeck.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCrypto, "certdeck.crypto", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAcme, "certdeck.acme", QtInfoMsg)
Q_LOGGING_CATEGORY(lcChallenge, "certdeck.challenge", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDns, "certdeck.dns", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSsh, "certdeck.ssh", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDeploy, "certdeck.deploy", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "certdeck.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSchedule, "certdeck.schedule", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMonitor, "certdeck.monitor", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWorkflow, "certdeck.workflow", QtInfoMsg)
