// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/Commands.h"

#include "app/cli/commands/VersionCommand.h"

namespace certdeck::cli {

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> v;
    v.push_back(std::make_unique<VersionCommand>());
    return v;
}

} // namespace certdeck::cli
