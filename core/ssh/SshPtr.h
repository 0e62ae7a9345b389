// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// libssh handles as unique_ptrs (STYLE.md, "C handles"). Included only by core/ssh .cpp files: no
// libssh type appears in a public header. A raw pointer from .get() means "borrowed for this call".
// Every handle here belongs to one session and is only touched on that session's worker thread.
#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <memory>
#include <type_traits>

namespace certdeck::ssh {

struct SshSessionDeleter {
    void operator()(ssh_session s) const noexcept {
        if (ssh_is_connected(s))
            ssh_disconnect(s);
        ssh_free(s);
    }
};
struct SshKeyDeleter {
    void operator()(ssh_key k) const noexcept { ssh_key_free(k); }
};
struct SshChannelDeleter {
    // ssh_channel_free closes an open channel first.
    void operator()(ssh_channel c) const noexcept { ssh_channel_free(c); }
};
struct SftpSessionDeleter {
    void operator()(sftp_session s) const noexcept { sftp_free(s); }
};
struct SftpFileDeleter {
    // Callers that care whether the close succeeded call sftp_close on .release() themselves.
    void operator()(sftp_file f) const noexcept { sftp_close(f); }
};
struct SftpAttributesDeleter {
    void operator()(sftp_attributes a) const noexcept { sftp_attributes_free(a); }
};
/// Strings libssh allocates for the caller (ssh_options_get, ssh_pki_export_pubkey_base64 ...).
struct SshCharDeleter {
    void operator()(char* p) const noexcept { ssh_string_free_char(p); }
};

using SshSessionPtr = std::unique_ptr<std::remove_pointer_t<ssh_session>, SshSessionDeleter>;
using SshKeyPtr = std::unique_ptr<std::remove_pointer_t<ssh_key>, SshKeyDeleter>;
using SshChannelPtr = std::unique_ptr<std::remove_pointer_t<ssh_channel>, SshChannelDeleter>;
using SftpSessionPtr = std::unique_ptr<std::remove_pointer_t<sftp_session>, SftpSessionDeleter>;
using SftpFilePtr = std::unique_ptr<std::remove_pointer_t<sftp_file>, SftpFileDeleter>;
using SftpAttributesPtr = std::unique_ptr<std::remove_pointer_t<sftp_attributes>, SftpAttributesDeleter>;
using SshCharPtr = std::unique_ptr<char, SshCharDeleter>;

} // namespace certdeck::ssh
