// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/Commands.h"

#include "app/cli/commands/AccountCommand.h"
#include "app/cli/commands/CheckCommand.h"
#include "app/cli/commands/DeployCommand.h"
#include "app/cli/commands/DnsProviderCommand.h"
#include "app/cli/commands/EventsCommand.h"
#include "app/cli/commands/ExportCommand.h"
#include "app/cli/commands/ImportCommand.h"
#include "app/cli/commands/InstallTimerCommand.h"
#include "app/cli/commands/IssueCommand.h"
#include "app/cli/commands/ListCommand.h"
#include "app/cli/commands/NotifyCommand.h"
#include "app/cli/commands/RenewCommand.h"
#include "app/cli/commands/RevokeCommand.h"
#include "app/cli/commands/ScanCommand.h"
#include "app/cli/commands/ServerCommand.h"
#include "app/cli/commands/ShowCommand.h"
#include "app/cli/commands/TargetCommand.h"
#include "app/cli/commands/VersionCommand.h"
#include "app/cli/commands/WatchCommand.h"

namespace certdeck::cli {

std::vector<std::unique_ptr<Command>> allCommands() {
    std::vector<std::unique_ptr<Command>> v;
    v.push_back(std::make_unique<ListCommand>());
    v.push_back(std::make_unique<ShowCommand>());
    v.push_back(std::make_unique<IssueCommand>());
    v.push_back(std::make_unique<RenewCommand>());
    v.push_back(std::make_unique<AccountCommand>());
    v.push_back(std::make_unique<CheckCommand>());
    v.push_back(std::make_unique<DnsProviderCommand>());
    v.push_back(std::make_unique<RevokeCommand>());
    v.push_back(std::make_unique<DeployCommand>());
    v.push_back(std::make_unique<ServerCommand>());
    v.push_back(std::make_unique<TargetCommand>());
    v.push_back(std::make_unique<ExportCommand>());
    v.push_back(std::make_unique<EventsCommand>());
    v.push_back(std::make_unique<NotifyCommand>());
    v.push_back(std::make_unique<ScanCommand>());
    v.push_back(std::make_unique<WatchCommand>());
    v.push_back(std::make_unique<ImportCommand>());
    v.push_back(std::make_unique<InstallTimerCommand>());
    v.push_back(std::make_unique<VersionCommand>());
    return v;
}

} // namespace certdeck::cli
