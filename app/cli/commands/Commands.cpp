// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/Commands.h"

#include "app/cli/commands/AccountCommand.h"
#include "app/cli/commands/CheckCommand.h"
#include "app/cli/commands/DeployCommand.h"
#include "app/cli/commands/IssueCommand.h"
#include "app/cli/commands/RevokeCommand.h"
#include "app/cli/commands/ServerCommand.h"
#include "app/cli/commands/VersionCommand.h"

namespace certdeck::cli {

std::vector<std::unique_ptr<Command>> allCommands() {
    std::vector<std::unique_ptr<Command>> v;
    v.push_back(std::make_unique<IssueCommand>());
    v.push_back(std::make_unique<AccountCommand>());
    v.push_back(std::make_unique<CheckCommand>());
    v.push_back(std::make_unique<RevokeCommand>());
    v.push_back(std::make_unique<DeployCommand>());
    v.push_back(std::make_unique<ServerCommand>());
    v.push_back(std::make_unique<VersionCommand>());
    return v;
}

} // namespace certdeck::cli
