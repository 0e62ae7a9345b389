// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// RAII handles for ldns objects (the OpenSslPtr.h pattern): a raw pointer only ever means
// "borrowed for this call". Module-private: no ldns type leaves core/dns.

#include <ldns/ldns.h>

#include <cstdlib>
#include <memory>

namespace certdeck::dns::internal {

struct LdnsPktDeleter {
    void operator()(ldns_pkt* p) const noexcept { ldns_pkt_free(p); }
};
struct LdnsRdfDeleter {
    void operator()(ldns_rdf* p) const noexcept { ldns_rdf_deep_free(p); }
};
struct LdnsRrDeleter {
    void operator()(ldns_rr* p) const noexcept { ldns_rr_free(p); }
};
struct LdnsRrListDeleter {
    void operator()(ldns_rr_list* p) const noexcept { ldns_rr_list_deep_free(p); }
};
struct LdnsResolverDeleter {
    void operator()(ldns_resolver* p) const noexcept { ldns_resolver_deep_free(p); }
};
struct LdnsBufferDeleter {
    void operator()(ldns_buffer* p) const noexcept { ldns_buffer_free(p); }
};
/// Memory ldns hands out with malloc (ldns_rdf2str, ldns_pkt2wire ...).
struct LdnsMallocDeleter {
    void operator()(void* p) const noexcept { std::free(p); }
};

using LdnsPkt = std::unique_ptr<ldns_pkt, LdnsPktDeleter>;
using LdnsRdf = std::unique_ptr<ldns_rdf, LdnsRdfDeleter>;
using LdnsRr = std::unique_ptr<ldns_rr, LdnsRrDeleter>;
using LdnsRrList = std::unique_ptr<ldns_rr_list, LdnsRrListDeleter>;
using LdnsResolver = std::unique_ptr<ldns_resolver, LdnsResolverDeleter>;
using LdnsBuffer = std::unique_ptr<ldns_buffer, LdnsBufferDeleter>;
using LdnsString = std::unique_ptr<char, LdnsMallocDeleter>;
using LdnsBytes = std::unique_ptr<uint8_t, LdnsMallocDeleter>;

} // namespace certdeck::dns::internal
