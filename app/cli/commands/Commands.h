// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The list of every CLI command lives in Commands.cpp; each command has its own *Command file.
#include "app/cli/Cli.h"
