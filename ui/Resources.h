// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace certdeck::ui {

/// Registers the embedded icons. The resources live in a static library, whose registration object
/// the linker would otherwise drop; every entry point that shows widgets calls this first (MainWindow
/// does it itself). Safe to call more than once.
void initResources();

} // namespace certdeck::ui
