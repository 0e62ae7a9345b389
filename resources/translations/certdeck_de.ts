<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Formatting</name>
    <message>
        <source>%1 certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within the hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than an hour ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hour ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hours ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 day ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 month ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 months ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 year ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>unicode name (punycode)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 +%2</source>
        <comment>first name, count of the others</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid. Certdeck plans to renew it %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid, and due for renewal now: Certdeck renews it at the next check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires %1: renew it now so visitors never see a warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last renewal failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired %1: browsers refuse it. Renew it to get a fresh certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal planned %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA suggests renewing between %1 and %2 (ARI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the local test CA: trusted nowhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last renewal failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 problem will make the order fail. Fix it as the advice says, then check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 problems will make the order fail. Fix them as the advice says, then check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No blockers; %1 thing deserves a look.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No blockers; %1 things deserve a look.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssuanceSettings</name>
    <message>
        <source>Let&apos;s Encrypt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let&apos;s Encrypt (staging, for trying out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZeroSSL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Trust Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buypass Go SSL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another CA (directory URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local test CA (sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free, trusted everywhere, 90-day certificates. No sign-up needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as Let&apos;s Encrypt but untrusted: a dry run that does not count against limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free, trusted. Needs the EAB credentials from your ZeroSSL dashboard (Developer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free, trusted. Needs EAB credentials from Google Cloud (gcloud publicca).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free, trusted, 180-day certificates from Norway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any ACME CA: paste its https:// directory URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A private CA on this computer to try everything offline. Its certificates are trusted nowhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in responder (http-01)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web server folder on this computer (http-01)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web server folder on an SSH server (http-01)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS record (dns-01)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECDSA P-256 (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECDSA P-384</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSA 2048 (for old clients)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSA 3072</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSA 4096 (slow)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueJob</name>
    <message>
        <source>The local test CA is not available in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the local test CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local test CA did not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local test CA running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA&apos;s directory URL must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the certificate and its key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window has no data folder to read servers and DNS providers from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading DNS provider %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the credentials of DNS provider %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading server %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not log in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run against %1 first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dry run against %1 failed: nothing was ordered from the real CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run against %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run against %1 worked; now the real order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The EAB HMAC key for key ID %1 is not in your keychain: go Back and type it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The CA sent an unknown account status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA sent an unreadable %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacting the CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an ACME directory (HTTP %2). Check the CA&apos;s directory URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CA directory loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ACME account: register one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CA directory or account key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA&apos;s terms of service must be agreed to explicitly: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This CA requires External Account Binding: enter the key ID and HMAC key from your account page at the CA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA did not say where the new account lives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA did not say where the account lives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the account contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This CA does not support changing the account key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the account key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivating the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA has no profile &quot;%1&quot;. It offers: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA did not say where the new order lives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA&apos;s order lists no authorizations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>challenge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA did not finish validating in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA did not finish the order in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalizing the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA sent a certificate that cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This CA does not support revocation through ACME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revocation reason %1 is not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoking the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This CA does not offer renewal information (ARI).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching renewal information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA gave no renewal information (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA sent an unknown authorization status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA sent an unknown challenge status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA sent an invalid challenge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA sent a challenge token that is not safe to use; refusing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA&apos;s directory lacks &quot;%1&quot;: is %2 really an ACME directory URL?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA&apos;s directory has an invalid &quot;%1&quot; address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer with an ACME directory. Check the directory URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The EAB key ID is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The EAB HMAC key is not valid base64url. Copy it exactly as the CA shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA sent an invalid identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A domain name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: an IP address with a scope cannot be certified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid domain name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a fully qualified domain name (it needs at least one dot).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid domain name (label &quot;%2&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least one domain name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A certificate can hold at most 100 names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting a nonce from the CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA did not hand out a nonce.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA says to retry after %1 UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA sent an unknown order status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA sent an invalid authorization address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA&apos;s order has no valid finalize address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA&apos;s order has an invalid certificate address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status %1 without a problem document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA may not issue%1: a DNS CAA record forbids it. Add a CAA record allowing this CA (or remove the restrictive one), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA could not look up the DNS records%1. Check that the name exists and its nameservers answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA could not connect to your server%1 to validate it. Check that the name points at the server, port 80 is open and reachable from the internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation failed%1: the CA did not find the expected answer. For http-01 check the webroot is the one the site serves; for dns-01 check the TXT record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation failed%1: the server answered the challenge with the wrong content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA&apos;s rate limit was reached. Wait before trying again; use the staging CA for tests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA will not issue certificates%1 (its policy rejects this name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA rejected the certificate request (CSR). Try another key type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA requires an action from you (often agreeing to new terms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA requires an action from you: visit %1, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA kept rejecting our request tokens (nonces). Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA does not know this account key. Register an account first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order is not ready to be finalized yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This certificate is already revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA does not accept this revocation reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA refused the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA reported a problem (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate has no Authority Key Identifier, so the CA cannot give renewal information for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate has no serial number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA sent invalid renewal information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS TXT record through %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS solver answers dns-01 challenges only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an IP address: IP addresses cannot be validated through DNS (RFC 8738).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is delegated: the record goes to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the TXT record %1 through %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting until every name server serves the TXT record of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TXT record of %1 is served by all %2 name servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webroot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing an unsafe challenge token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webroot %1 does not exist. Give the folder your web server serves for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1: check the folder&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the challenge file into %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Challenge file for %1 written to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove the challenge file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webroot %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the server that holds the webroot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webroot &quot;%1&quot; must be an absolute path on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webroot %1 does not exist on %2. Give the folder the web server serves for %3 (its root).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Challenge file for %1 written to %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking that %1 serves the challenge file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-check of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 serves the challenge file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 resolves to %2, but the challenge file was written on the server at %3, and the CA will ask %2. Point the name&apos;s DNS records (A/AAAA) at that server, or answer the challenge on the server the name points to. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> It redirects to %1, where the certificate is not valid (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not resolve to an address from here. The CA must be able to resolve it: add an A or AAAA record for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing answers at %1 (%2 refused the connection). The CA connects there: start the web server or open the port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds: a firewall may drop connections to that port, or the server is overloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirects to %2, but the TLS handshake there failed. The CA follows that redirect: fix the HTTPS server, or answer /.well-known/acme-challenge/ on plain HTTP without redirecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web server for %1 answered 404 Not Found for %2. The challenge file was written to %3, so the site serves another folder: use the folder its configuration names as root (or add a location for /.well-known/acme-challenge/ that points there).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered, but not with this challenge&apos;s answer (%2 bytes: &quot;%3&quot;). Another server or site answers for %4, or a cache serves an old answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 instead of the challenge file written to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write into %1: check that the folder exists and is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1 failed (disk full?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot replace %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set the permissions of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add a certificate extension.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No randomness for a serial number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set the serial number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set the validity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set the certificate&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set the certificate&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot go into a certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A certificate needs at least one name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sign the certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot set the issuer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA key does not belong to the CA certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown server type &quot;%1&quot;: use nginx, apache, haproxy, postfix, dovecot or generic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deploy target %1 names no server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deploy target %1 names no files to install.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an absolute file path on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file path &quot;%1&quot; for %2 holds characters or &quot;..&quot; that are not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is listed twice for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid file mode for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds the private key but would be readable by every account on %2 (mode %3): use 0600 or 0640.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an account or group name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command &quot;%1&quot; for %2 has an empty argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No port to verify %1 on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown file content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the previous files on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup of %1 to restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reload command %1 failed again (exit %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After restoring, %1:%2 serves %3, not the previous certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous certificate restored on %1 and served again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous files restored on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the previous certificate on %1 did not fully work: check the server by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was replaced on %1: the previous certificate is untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist on %2: create it (writable by %3) or change the target&apos;s paths.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 is not a regular file; refusing to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded %1 (mode %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not give the files on %1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept the previous files on %1 as *.certdeck-backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New files in place on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the configuration on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration test %1 on %2 refused the new files (exit %3). The previous certificate is put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration test %1 passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloading on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reload command %1 failed on %2 (exit %3). The previous certificate is put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloaded with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking that %1:%2 serves the new certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the reload, no TLS handshake with %1:%2 (SNI %3) succeeded: %4 The previous certificate is put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the reload, %1:%2 (SNI %3) still serves the certificate %4, not the new one: the service may read other files than the ones deployed. The previous certificate is put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2 serves the new certificate %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to deploy: no certificate or no key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate does not belong to the key; refusing to deploy them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name (letters, digits, hyphens and dots only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an upstream address: use host:port (127.0.0.1:5000) or unix:/path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an absolute path nginx can take safely (letters, digits and ._/+@=,:- only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address to listen on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTTP and HTTPS ports must be set and differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing a self-signed placeholder for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-signed placeholder installed for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed on %2 (exit %3); the previous server block was put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1 installed in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CNAME records of %1 form a loop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an alias of an alias … more than %2 times deep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CAA records of %1 could not be looked up (%2 answered %3); a CA whose lookup fails like this refuses to issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CAA record restricts which CA may issue for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CAA record at %1 has the tag &quot;%2&quot; marked critical, which no CA understands: every CA must refuse to issue. Remove that record or clear its critical flag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CAA records at %1 do not restrict issuance for %2 (no &quot;%3&quot; property).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CAA records at %1 allow %2 to issue for %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CAA records at %1 forbid every CA to issue for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CAA records at %1 allow only %2 to issue for %3; choose a CA to check against.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CAA records at %1 allow %2 only for a given account (accounturi); the account to be used is not known yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CAA records at %1 allow %2 only with certain validation methods; the method is not chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CAA records at %1 allow %2 only for another account than %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CAA records at %1 do not allow %2 to validate with %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CAA record at %1 for %2 repeats accounturi or validationmethods and can never be satisfied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CAA records at %1 allow only %2 to issue for %3, not %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid DNS name: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it contains non-ASCII characters; give its ASCII form (xn--…) instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has an empty label (two dots in a row, or a leading dot).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the label “%1” is longer than 63 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the character “%1” is not allowed in a host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is longer than 253 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a DNS server address: give an IP address, optionally with a port (192.0.2.1:53 or [2001:db8::1]:53).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check of %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an IP address: a CA cannot validate an IP address through DNS (dns-01).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use http-01 for %1, or order a DNS name instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an IP address: the CA validates it by connecting to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate it with http-01 on the server that has this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not one of your server&apos;s addresses (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate on the machine that has %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: only one wildcard label, leftmost, is allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a DNS name such as www.example.com or *.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a wildcard name: CAs validate wildcards only through DNS (dns-01).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose dns-01 with a DNS provider for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a wildcard name, validated through DNS (dns-01).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make sure a DNS provider is set up for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The addresses of %1 could not be looked up: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the DNS servers of %1 answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an alias: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA follows the alias and uses the addresses and CAA records of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;your server&apos;s IPv4 address&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an alias of %2, which does not exist (a dangling CNAME).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist in DNS (NXDOMAIN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no A or AAAA record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dns-01 can still validate it, but nobody can reach %1 until you add `%2`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add `%1` so the CA reaches your server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 points to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the server&apos;s address to have it compared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has the IPv6 address %2, which is not your server&apos;s; CAs try IPv6 first, so validation would reach another machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove `%1 AAAA %2`, or point it at your server&apos;s IPv6 address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace `%1 AAAA %2` with `%3`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has the IPv4 address %2, which is not your server&apos;s (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove `%1 A %2`, or point it at your server&apos;s IPv4 address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace `%1 A %2` with `%3`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 points to your server (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make sure the DNS servers of %1 answer CAA queries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any CA may issue; a CAA record naming your CA is optional hardening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again once the CA, account and method are chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the CA refuses, add `%1`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the CAA records at %1 as described.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add `%1`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 serves the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for %1 (last answer: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, no TXT record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the authoritative name servers of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not asked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 name servers serve the TXT record of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TXT record %1 did not reach every name server within %2 s: %3 still do not serve it. Check the DNS provider, or allow more time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 name servers serve the TXT record of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the DNS servers %1 answered within %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DNS server gave an answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s DNS servers could not be read from /etc/resolv.conf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DNS server is configured in /etc/resolv.conf: configure one, or choose a DNS server in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server %1 answered %2 when asked for the zone of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DNS zone was found for %1: no server gave an SOA record for it or any parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zone %1 has no NS records (%2 answered %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the name servers of %1 (%2) has an address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS update could not be built.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server %1 refused the update: the TSIG key is wrong (%2) — check the key name and secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server %1 refused the update: this computer&apos;s clock and the server&apos;s differ by more than %2 seconds (BADTIME) — set the clock right (NTP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server %1 refused the update&apos;s signature (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server %1 refused the update of %2: its policy does not allow the key “%3” to change this name. Allow updates with this key in the zone %4 (Knot: an acl with action update; BIND: update-policy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server %1 is not authoritative for the zone %2 (NOTAUTH), so it cannot change it: send updates to the zone&apos;s primary server, and check the zone name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not inside the zone %2 on the DNS server %3 (NOTZONE): check the zone name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server %1 does not accept dynamic updates (NOTIMP): enable RFC 2136 updates for the zone %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server %1 could not apply the update of %2 (SERVFAIL): see the server&apos;s log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server %1 rejected the update of %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server %1 answered something other than our update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server %1 answered the update without a TSIG signature, so the answer cannot be trusted: check that the server knows the key “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not inside the zone %2: check the zone set for this DNS provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TXT value is too long (%1 bytes; at most %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TSIG algorithm “%1” is not supported: use hmac-sha256, hmac-sha384 or hmac-sha512.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TSIG key name is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TSIG secret is empty: paste the key&apos;s secret (base64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TSIG secret is not valid base64: copy the “secret” value of the key exactly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A DNS record could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server %1 sent a malformed answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid DNS name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS query could not be built.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A TXT record is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CAA record is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An address record is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 record is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server %1 sent an answer to a question we did not ask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server %1 did not answer within %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing answers DNS at %1: the connection was refused. Check the server&apos;s address and port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server %1 cannot be reached: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server %1 closed the connection before it finished answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS message is too large to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server %1 sent an answer that does not belong to our question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS message is too short to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an IP address: give the DNS server by its address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server sent a malformed answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS message is too short to sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS message has too many records to sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS server&apos;s answer could not be verified with the TSIG key (%1); the update may or may not have been applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acme-dns at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the acme-dns registration: username, password and subdomain (from /register).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not point at acme-dns: add the record &quot;%2 CNAME %3&quot; to its zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updating the TXT value of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acme-dns did not confirm the TXT value it was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a Cloudflare API token with the Zone:Read and DNS:Edit permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare answered without the documented &quot;success&quot; field when %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the zone %2 configured for Cloudflare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looking up the zone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare answered a zone lookup without a result list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare has no zone %1 that this API token can see: add the domain to the Cloudflare account or include the zone in the token&apos;s resources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listing the TXT records of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare listed DNS records without a result list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare lists more than %1 TXT records at %2: remove stale ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding the TXT record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removing the TXT record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deSEC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deSEC (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a deSEC API token (desec.io → Token Management).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the domain %2 configured for deSEC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deSEC has no domain %1 in this account: check the domain name and the account the token belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looking up the domain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looking up the domain of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deSEC has no domain holding %1 in this account (looked for %2): add the domain at desec.io or check the account the token belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the TXT records of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deSEC answered an RRset without &quot;records&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding to the TXT records of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removing from the TXT records of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DigitalOcean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DigitalOcean (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a DigitalOcean personal access token with write scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the domain %2 configured for DigitalOcean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DigitalOcean answered a lookup of %1 with another domain (&quot;%2&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DigitalOcean has no domain %1 in this account: add it under Networking → Domains, or check the account the token belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DigitalOcean listed records without &quot;domain_records&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DigitalOcean lists more than %1 TXT records at %2: remove stale ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 DNS provider needs the setting &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hook&apos;s timeout must be a positive number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PowerDNS provider needs an HTTP client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 DNS provider needs an HTTP client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown DNS provider &quot;%1&quot;; known: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hetzner DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hetzner DNS (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a Hetzner DNS API token (DNS Console → API tokens).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the zone %2 configured for Hetzner DNS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hetzner DNS answered a zone lookup without &quot;zones&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hetzner DNS has no zone %1 in this account: add the zone in the DNS Console, or check the account the token belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listing the records of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hetzner DNS listed records without &quot;records&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Hetzner DNS zone %1 has more than %2 records; Certdeck reads at most that many.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the program %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the program the DNS hook runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS hook %1 was not found or is not executable: check the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS hook %1 could not be started: check the path and that it is executable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS hook %1 did not finish within %2 s (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS hook %1 failed (%2 of %3, exit code %4): %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a TXT record you add by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this TXT record at your DNS provider: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may now remove the TXT record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PowerDNS at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the PowerDNS API URL, such as https://ns.example.com:8081.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PowerDNS API URL must use https (plain http only on this machine): the API key would travel in clear text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the PowerDNS API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PowerDNS refused the API key (HTTP %1): check the key in the DNS provider&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the zone %2 configured for PowerDNS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PowerDNS answered HTTP %1 when asked for the zone %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PowerDNS has no zone holding %1: create the zone or configure it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PowerDNS answered HTTP %1 when reading the zone %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PowerDNS refused to change the TXT record %1 (HTTP %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 2136 updates at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 API URL is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 API URL must use https (plain http only on this machine): the API token would travel in clear text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered something that is not the JSON object its API documents (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered something that is not the JSON list its API documents (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the API token was refused: check it has DNS edit rights for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 when %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A TLS check needs a host name and a port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name %1 could not be resolved. Check the spelling and its DNS records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the connection: nothing listens on port %2 there. Is the server running, and is it the right port?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not accept a connection within %2 seconds (a firewall?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepted the connection but did not complete a TLS handshake within %2 seconds. Is it a TLS port?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: the server may not speak TLS on this port, or offer nothing this client accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 completed a handshake without sending a certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent %2 certificates; at most %3 are accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name %1 could not be resolved. Check the spelling and your DNS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the connection on port %2. Is the server running?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: its certificate is not trusted or not valid for this name. If it is a private CA, give its certificate with --ca-file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected too many times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected from HTTPS to plain HTTP; refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request to %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate %1 renewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewing %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Certificate %1 expires in %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Deploying %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server serves another certificate than %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Renewal stopped after %n failed validation(s): fix the cause, then renew by hand.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No certificate yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside the CA&apos;s renewal window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Less than a third of the lifetime left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Retrying after %n failure(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open a TLS connection to the mail server %1:%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to the mail server %1:%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 does not offer STARTTLS: refusing to send in plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS handshake with the mail server %1:%2 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to send the mail password without TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server refused the user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server refused the recipient %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1:%2 broke while sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server sent an overlong line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1:%2 stopped answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server&apos;s answer is not SMTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1:%2 broke.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 refused %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 is not accepting mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server %1 refused EHLO.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail settings need a server, a sender and a recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail without TLS is only allowed to a relay on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook (%1) to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook address must be an https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook address must use https:// (plain http only to this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook answered HTTP %1: check its address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certdeck has not connected to %1 before, so it cannot tell yet whether this is really your server. The server presents the %2 host key %3. Compare it with the fingerprint shown on the server itself (ssh-keygen -lf %4) and trust it only if they match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key presented by %1 cannot be read. Certdeck did not log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you know the server&apos;s keys were changed, check the new fingerprint on the server, then remove line %1 from %2 (for example: %3) and connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 host key %2 of %3 is marked as revoked in %4 (line %5). Certdeck did not log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 has changed: the server now presents the %2 key %3, but %4 (line %5) records a different one. This can mean that someone is intercepting the connection (an attack), or that the server was reinstalled or its keys regenerated. Certdeck did not log in. %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 has changed: the server now presents the %2 key %3, but %4 (line %5) records a key of another type (%6) that the server no longer offers. This can mean that someone is intercepting the connection (an attack), or that the server was reinstalled or its keys regenerated. Certdeck did not log in. %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known_hosts file is set for Certdeck, so the host key cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old host key of %1 is recorded in %2, which Certdeck does not change. Remove it there (for example: %3) and connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remote command is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A step of the remote command has no program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An argument of the remote command contains a NUL character, which SSH cannot transmit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remote command is longer than %1 KiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>working on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1 cannot write %2 on %3: give it write access or enable sudo for this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1 cannot read %2 on %3: give it read access or enable sudo for this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist on %2: create it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SFTP server at %1 does not support this operation on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 could not write %2 (it reported a general failure; a full disk, a read-only file system or a folder where a file is expected are common causes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 could not read %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH connection to %1 is closed: connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 does not offer SFTP: enable it in its sshd_config (&quot;Subsystem sftp internal-sftp&quot;) or ask its administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting SFTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 is a folder, not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 is larger than %3 KiB, more than Certdeck reads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No folder name was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 exists but is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No SSH session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No host name is set for this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name: use a name like server.example.com or an IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid user name for SSH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start an SSH session (out of memory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your SSH configuration (~/.ssh/config or /etc/ssh/ssh_config) cannot be read: fix it, or turn off using it for this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH server at %1 sent no usable host key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>logging in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a private key Certdeck can read (OpenSSH, PEM or PKCS#8 formats work): choose the private key file, not the .pub file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening a channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not finish within %2 seconds on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sudo is not installed on %1, so Certdeck cannot run commands there with more rights: install sudo and allow %2 to run the commands without a password, or connect as a user that has the rights needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sudo on %1 wants a password from %2, and Certdeck never types passwords into sudo: allow %2 to run these commands without a password (a NOPASSWD rule in /etc/sudoers.d/), or connect as a user that has the rights needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may not use sudo for this command on %2: add a sudoers rule for it, or connect as a user that has the rights needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sudo on %1 refused to run the command for %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 refused your SSH keys (from ssh-agent, ~/.ssh/id_* and the IdentityFile lines of your SSH configuration) for user %2; keys with a passphrase are only used through ssh-agent or when chosen as the key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ssh-agent is not running (SSH_AUTH_SOCK is not set or its socket is gone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused every key offered by ssh-agent for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 is protected by a passphrase, and none was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the passphrase for the key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in to %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase for the key %1 is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase. Enter the passphrase for the key %1 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 refused the key %2 for user %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 does not accept key logins (it offers: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 refused the password for user %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 does not accept passwords (it offers: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certdeck has no way to log in as %1: choose a key file, add your key to ssh-agent, or enter a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now presents the host key %2, not %3 that you confirmed. Nothing was saved: check the fingerprint on the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was killed on %2 before it finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed on %2 (exit status %3)%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 does not exist: choose an existing private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file: choose a private key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large to be a private key: choose the private key file (not a folder or archive).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renaming a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SFTP server at %1 closed the channel unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SFTP server at %1 did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SFTP server at %1 sent a malformed answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening an SFTP channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing accepts SSH connections at %1 (connection refused): check the host name and port, and that the SSH server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds: check the host name and port, and that no firewall blocks SSH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host name of %1 cannot be resolved: check its spelling and your DNS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certdeck and the SSH server at %1 have no encryption method in common: the server may be very old or restricted to algorithms Certdeck does not offer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be reached from this computer: check the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to %1 over SSH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH connection to %1 was lost while %2: connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stopped answering while %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH server at %1 failed while %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account for %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the account failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the certificate failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificate was issued for this name yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver is missing: install libqt6sql6-sqlite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the store %1: check that its folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the store %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store %1 was written by a newer Certdeck (schema %2, this one knows %3): update Certdeck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 is missing from this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DNS provider setting &apos;%1&apos; is a secret: keep it in the keychain, not in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the DNS provider failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DNS provider named &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the endpoint failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2 is not watched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid certificate name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot update %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than any certificate file could be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no certificate to store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate does not belong to the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be a certificate name: use lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A certificate named &apos;%1&apos; exists already: choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the certificate settings failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate &apos;%1&apos; no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificate named &apos;%1&apos;: &apos;certdeck-cli list&apos; shows the names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificate with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This certificate is being renewed by another Certdeck process (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret stored for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access to the secret for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain is not available (no Secret Service running?). Unlock or start your keyring, or choose the file backend for a headless server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the secrets file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets file %1 is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets file is in use by another Certdeck process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not answer; is it locked?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the server failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server named &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data folder: give --data-dir DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Certdeck process is using the store right now; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store could not be read or written (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account file %1 is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account key for %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account with %1 yet: run &apos;certdeck-cli account register&apos; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already authorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authorization for %1 cannot be used (it is no longer pending).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a wildcard name: it can only be validated through DNS (dns-01). Choose a DNS provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No configured validation method fits %1: the CA offers %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing %1 for %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the challenge for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA is validating %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the CA to validate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation of %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validating %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA could not validate %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA marked the order invalid without saying why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA sent no certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA sent a certificate for a different key; it was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA sent a certificate that does not cover %1; it was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA sent a broken certificate chain; it was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least one name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how to validate the names (webroot, DNS ...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordering a certificate for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 validated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificate key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the CA to issue the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA did not issue the certificate (order status %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate valid until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the webroot folder is not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the built-in responder&apos;s address or port is not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the challenge method &apos;%2&apos; cannot be used for unattended renewal yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Certificate %1 expires in %n day(s) (%2).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic renewal is off for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dry run needs a test CA (--server letsencrypt-staging, or --sandbox).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run for %1 against %2 succeeded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewed %1, valid until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Validation failed %n time(s) in a row; fix the cause, then run &apos;certdeck-cli renew %1 --force&apos;.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The sandbox needs Pebble: install the Debian package &apos;pebble&apos; (sudo apt install pebble).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free loopback port for the sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox CA (Pebble) did not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate %1 (version %2) valid until %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing the password of %1 in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing the challenge file into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webroot %1 does not exist on %2. Give the folder the web server serves (its root).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking sudo on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sudo -n works for %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which zone to test in (for example example.com): Certdeck writes a TXT record _certdeck-check.&lt;zone&gt; there and removes it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a zone such as example.com, not the root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check record was added but could not be removed (%1): delete the TXT record %2 with the value %3 by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check was cancelled (its record was removed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection before TLS was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent more than %2 KiB before TLS was started; giving up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent data after agreeing to start TLS and before the handshake; refusing the connection (a STARTTLS injection, or a broken server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not answer like an SMTP server: &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a line longer than %2 bytes before TLS was started; giving up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not finish the STARTTLS exchange within %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS for %2, so the connection would stay unencrypted. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 greeted with %2 instead of 220: it refuses this client or is not ready (&quot;%3&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused EHLO with %2 (&quot;%3&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its EHLO answer lists no STARTTLS: turn TLS on in the mail server (Postfix: smtpd_tls_security_level = may, with smtpd_tls_cert_file and smtpd_tls_key_file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 offered STARTTLS but answered %2 to it (&quot;%3&quot;): the mail server cannot load its certificate or key?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 logs every connection in at once (PREAUTH), where STARTTLS is not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not greet like an IMAP server: &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It answered &quot;%1&quot;: turn TLS on in the IMAP server (Dovecot: ssl = yes with ssl_cert and ssl_key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered STARTTLS with &quot;%2&quot;, which is not IMAP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not greet like a POP3 server: &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It answered &quot;%1&quot;: turn TLS on in the POP3 server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered STLS with &quot;%2&quot;, which is not POP3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown STARTTLS protocol &quot;%1&quot;: use none, smtp, imap or pop3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1 on %2 needs passwordless sudo for %3, and sudo -n refused. Add a sudoers rule like &quot;%4&quot; (with visudo, in /etc/sudoers.d/), or connect as a user that may write there. Nothing was changed on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating a private upload folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mktemp on %1 answered something that is not a folder path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to remove %1: not an upload folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid upload name &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected answer from stat on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving %1 into place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notification setting &apos;%1&apos; is a secret: keep it in the keychain, not in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications go to a webhook or by e-mail (smtp).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the notification settings failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notification target named &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A setting needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting &apos;%1&apos; looks like a secret: keep it in the keychain, not in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) serves another certificate than the stored one of %3: %4, expiring %5; stored: %6. Deploy it again with &apos;certdeck-cli renew %3 --deploy-only&apos;, or find out who changed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DNS provider named &quot;%1&quot;: add it with &apos;certdeck-cli dns-provider add&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the credentials of DNS provider %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the CA no longer knows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is for other names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key it was finalized with is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the interrupted order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming the interrupted order (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interrupted order cannot be finished (%1); starting a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy target %1: a file&apos;s content must be cert, chain, fullchain, privkey or combined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy target %1 names no folder for the certificate files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy target %1: the verify port is not 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy target %1 uses the server &apos;%2&apos;, which is not in the store any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployed %1 to %2; the server serves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The previous certificate was put back and is served again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The previous files were put back (not verified).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Nothing on the server was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The renewed certificate is stored; deploy it again with &apos;certdeck-cli renew %1 --deploy-only&apos; once the server is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server &apos;%1&apos; this certificate is validated through is not in the store any more: add it again in Servers (or &apos;certdeck-cli server add&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the server or the webroot folder to answer http-01 in is not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is validated with a TXT record you add by hand, so it cannot renew unattended: renew it from the app, or choose a DNS provider for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS provider %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An earlier renewal by %1 was interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished the interrupted order %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; deployment failed on %n server(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The password of server %1 cannot be read from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifier %1: unknown webhook format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifier %1: the stored webhook address is not a URL; add it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifier %1: the mail server is not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifier %1: security must be starttls, tls or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifier %1: the sender and recipient addresses are not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifier %1: no CA certificate in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifier %1: unknown kind &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certdeck-cli was not found: install it beside Certdeck or on your PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The units are in %1, but &apos;systemctl --user %2&apos; failed: run it yourself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDialogParts</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreCertificateRows</name>
    <message numerus="yes">
        <source>The last %n renewal attempt(s) failed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WizardCaDirectory</name>
    <message>
        <source>90-day certificates, renewed about every 60 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90-day certificates for web servers only, leaner contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6-day certificates, renewed about every 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WizardManualDnsSolver</name>
    <message>
        <source>DNS record added by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a TXT record for %1: %2 with value %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TXT record for %1 is published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not every name server serves the record yet; asking the CA anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::challenge::StandaloneSolver</name>
    <message>
        <source>built-in responder on %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2 to answer the challenge: %3. Is another web server using the port? Use the webroot method instead, or stop that server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing an unsafe challenge token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answering http-01 for %1 on %2:%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::net::HttpClient</name>
    <message>
        <source>Cannot read the CA certificate file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to use plain HTTP for %1: only https:// is allowed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a larger answer than allowed (%2 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected from HTTPS to plain HTTP; refused.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Certdeck did, and when: issued, renewed, deployed, and what failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name or text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected lines (or all shown) with their error details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has happened yet. Issuing, renewing and deploying certificates is recorded here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n line(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>certdeck::ui::AddDomainWizard</name>
    <message>
        <source>Add domain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::CertificateDetailsDialog</name>
    <message>
        <source>Certificate — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (local test CA, trusted nowhere)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal planned:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA&apos;s renewal window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 (ARI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not offered by this CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last renewal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Renewal history&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Deployed to&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serves now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to each server&apos;s verify address and see which certificate it serves right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server &apos;%1&apos; is not in Certdeck any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server, port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 STARTTLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deploy targets: the certificate stays in Certdeck&apos;s folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 serves this certificate (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another certificate: %1…, expires %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 serves %2
SHA-256 %3
Issuer %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no certificate to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the certificate for %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA will tell browsers not to trust it any more. This cannot be undone; servers still using it will show errors until they get a new certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no certificate to revoke.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate %1 revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked. Renew or issue a new certificate for servers that still use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA was told to revoke this certificate: browsers will refuse it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::CertificateExportDialog</name>
    <message>
        <source>Export %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export includes the private key: keep the files somewhere only you can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files in a folder (cert, chain, fullchain, privkey)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PKCS#12 file (.p12) with a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PKCS#12 file holds the private key: give it a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes %1.p12 into the folder (readable only by you).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes cert.pem, chain.pem, fullchain.pem and privkey.pem (readable only by you).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::CertificateTableModel</name>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (test CA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::CertificatesPage</name>
    <message>
        <source>Let&apos;s Encrypt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let&apos;s Encrypt (staging)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZeroSSL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Trust Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buypass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local test CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every certificate Certdeck issued and renews.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificates yet. Add a domain to get its first certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add domain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Challenge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploys to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not issued yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not issued</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::DashboardPage</name>
    <message>
        <source>No certificates yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a domain to check its DNS, get a certificate and deploy it to your server.
Every certificate you add appears here on an expiry timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add domain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, state or issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::DeployDialog</name>
    <message>
        <source>Deploy — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing the current certificate of %1 on its servers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served certificate (SHA-256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was deployed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served — matches the current certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed (not verified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed, but the server serves another certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous certificate is served again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous files were put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing on the server was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no deploy targets: add one in the Add domain wizard&apos;s deploy step or with &apos;certdeck-cli target add&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deployed to %n server(s); each serves the current certificate.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Deployed to %1 of %2 servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 serves %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::DnsProviderDialog</name>
    <message>
        <source>RFC 2136 dynamic updates (TSIG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PowerDNS API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hetzner DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DigitalOcean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deSEC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acme-dns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own program (hook)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual (you add the record yourself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit DNS provider %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a DNS provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my-dns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the zone&apos;s primary server, e.g. 192.0.2.53</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TSIG &amp;key name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TSIG key name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as in the server&apos;s configuration, e.g. certdeck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TSIG algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Algorithm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://dns.example.com:8081</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>localhost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acme-dns username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the /register answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;bdomain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acme-dns subdomain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full domain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acme-dns full domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;subdomain&gt;.auth.acme-dns.io: _acme-challenge names CNAME to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Program:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/usr/local/bin/dns-hook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ar&amp;guments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional; quote arguments that contain spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time &amp;limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials are kept in your keychain, never in Certdeck&apos;s files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name identifies the provider&apos;s keychain entry and is what `--dns` names; remove and add the provider to rename it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: found by asking the server; the Test writes here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: example.com (the Test writes a record here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TSIG &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged (kept in your keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base64, as in the server&apos;s key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an API token with Zone:Read and DNS:Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certdeck sends signed updates to your own DNS server (BIND, Knot, PowerDNS…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PowerDNS Authoritative HTTP API (api=yes, api-key in pdns.conf).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An acme-dns registration: point _acme-challenge.&lt;your domain&gt; at its full domain with a CNAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certdeck runs this program to add and remove each record (CERTDECK_ACTION, CERTDECK_FQDN, CERTDECK_VALUE in its environment). It is started directly, never through a shell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certdeck shows each record; you add it at your DNS host and it waits until the record is visible. Nothing to store, nothing to test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s API, with a token you create in its control panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the provider a short name: letters, digits, dot, underscore or dash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address of the zone&apos;s primary DNS server (an IP address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the TSIG key&apos;s name, as the server&apos;s configuration names it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the API&apos;s URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API URL is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the username and subdomain from your acme-dns registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the program Certdeck should run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the %1 (it goes to your keychain).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::DnsProvidersPage</name>
    <message>
        <source>server %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any zone: you add the records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any zone the token can change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where Certdeck publishes the TXT records of dns-01 challenges (needed for wildcard certificates). Test a provider to see that it works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DNS providers yet. Add the service that hosts your domain&apos;s DNS, so Certdeck can prove control of the domain with a TXT record — the way to get wildcard certificates and certificates for machines the internet cannot reach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone or server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a TXT record _certdeck-check.&lt;zone&gt; through the provider and remove it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in your keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the DNS provider %1 and its credential from your keychain? Certificates that renew through it will fail until you choose another provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1 and its credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential of %1 is not in your keychain: edit the provider and enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the credential of DNS provider %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a DNS provider named %1: choose another name, or edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing the credential of %1 in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1. Test it to see that it can publish records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a manual provider: there is nothing to test. Certdeck shows each record for you to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which zone should the test record go in? Certdeck writes a TXT record _certdeck-check.&lt;zone&gt; there and removes it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 through %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated the acme-dns record of %1. (acme-dns has no delete: the test value is replaced by the next two updates.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote and removed a TXT record in %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::EndpointsPage</name>
    <message>
        <source>&quot;%1&quot; is not HOST:PORT (the ] is missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not HOST:PORT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a host name or address, like example.com:443 or 192.0.2.10:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server name (SNI) must be a host name, like www.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watched endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS servers whose certificates Certdeck keeps an eye on, including ones it did not issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host and port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host:port, e.g. example.com:443</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server name (SNI), optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing watched yet. Enter a server&apos;s host:port above to see its certificate and when it expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watch an endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days left (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1 endpoints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be checked: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 endpoints could not be checked; see the Problem column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked %1 endpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer watching %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer watching %1 endpoints.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::ExpiryTimelineWidget</name>
    <message>
        <source>Expiry timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per certificate: a bar from the start to the end of its validity, coloured by its state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificates to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One year</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::HostKeyDialog</name>
    <message>
        <source>Host key changed — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop: %1 presents a different host key than the one recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First connection to %1: is this really your server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint the server presents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presented now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint recorded before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded before:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certdeck did not log in and sent nothing. A changed key means either the server was reinstalled or its SSH keys regenerated — or someone is between you and the server, trying to read what Certdeck would send (passwords, private keys).

Ask whoever runs the server, or open its console (not over SSH from this network) and run:
    %1
Only if the fingerprint printed there is exactly the one above, replace the recorded key. If it is not, do not connect: the connection is being intercepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certdeck has never connected to this server, so it cannot tell it from an impostor yet. Compare the fingerprint above with the server&apos;s own: on its console (or in your hosting provider&apos;s web console) run
    %1
and trust the key only if both are the same. Nothing is recorded and no login is attempted until you do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I compared the fingerprint on the server itself and it matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the recorded key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust this key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::MainWindow</name>
    <message>
        <source>Certdeck — sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watched endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get a certificate for a new domain (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a domain&apos;s DNS and CAA before ordering (opens the wizard).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is valid until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificates yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No renewal planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next renewal: %1, due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next renewal: %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install unattended renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details of the failed renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewing %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 renewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewing %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewing certificates that are due…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew every certificate that is due now (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew %1 now, even if it is not due (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the DNS and CAA of %1&apos;s names (opens the wizard).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a certificate to deploy it to its servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up %1&apos;s deploy targets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Install %1&apos;s current certificate on its %n server(s) (Ctrl+Shift+D)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no deploy targets: add a server in the Add domain wizard&apos;s deploy step or with &apos;certdeck-cli target add&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificate is due for renewal. Select one to renew it now anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewing %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no certificate yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unattended renewal: renews another folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The systemd user timer renews the certificates in %1, not in %2, the folder Certdeck uses now. Install it again for this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unattended renewal: installed (systemd timer, twice a day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unattended renewal: off — renews only while Certdeck is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The systemd user timer %1 runs &apos;certdeck-cli renew --all&apos; even when Certdeck is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install for this folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install a systemd user timer that renews certificates twice a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the crontab line that renews certificates twice a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unattended renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This system does not run systemd. Add this line with &lt;b&gt;crontab -e&lt;/b&gt; to renew certificates twice a day, even when Certdeck is closed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crontab line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unattended renewal: installing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unattended renewal was not installed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::MessageBar</name>
    <message>
        <source>Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::NotifierDialog</name>
    <message>
        <source>Edit notification target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a notification target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ops-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send notifications by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook (ntfy, Slack, Discord, JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail (SMTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged (kept in your keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://ntfy.sh/my-topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ntfy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (every field, for your own service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smtp.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail &amp;server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail server port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS, required (port 587)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS from the start (port 465)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (only for a relay on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;curity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certdeck@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ops@example.com, me@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail server user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the server does not ask for a login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail server password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra CA certificate for the mail server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a PEM file, for a server with a private CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust &amp;CA:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook address and the mail password are kept in your keychain, never in Certdeck&apos;s files. The unattended renewal (certdeck-cli renew) sends to the same targets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name identifies the target&apos;s keychain entry; remove and add the target to rename it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the target a short name: letters, digits, dot, underscore or dash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the webhook address, for example https://ntfy.sh/my-topic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook address must be an https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the mail server&apos;s host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the sender address (name@example.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter one or more recipient addresses, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password for %1 (it goes to your keychain), or leave the user name empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file at %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::NotifierListWidget</name>
    <message>
        <source>Webhook (%1) to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail to %1 via %2:%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a notification target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected notification target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected notification target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a test notification to the selected target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data folder: notification targets cannot be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of %1 is not in your keychain: edit the target and enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail password of %1 is not in your keychain: edit the target and enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a notification target named %1: choose another name, or edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing the secret of %1 in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1. Send a test to check that it arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the notification target %1? Renewals (in the app and the unattended timer) stop sending to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1. Its keychain entry (%2) could not be removed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending a test notification to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a test notification from Certdeck. Renewal notices will arrive the same way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent a test notification: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::PlaceholderPage</name>
    <message>
        <source>This screen is not built yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::PropagationView</name>
    <message>
        <source>Add this TXT record at your DNS host. Certdeck watches every name server of the zone and goes on by itself once all of them serve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TXT records to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue &amp;anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the CA to look now, even if not every name server serves the record yet. The CA may ask one that does not, and the order then fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the record name %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the record value for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serves it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the zone&apos;s name servers …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every name server serves the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 name servers serve the record so far; checking again every few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done. You can delete the TXT record(s) at your DNS host now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order stopped. You can delete the TXT record(s) at your DNS host.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::RecordListPage</name>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1. Its keychain entry (%2) could not be removed: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::SandboxService</name>
    <message>
        <source>The local test CA&apos;s DNS server did not start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::ServerDialog</name>
    <message>
        <source>Edit server %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>web1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>web1.example.com, 203.0.113.7 or an alias from ~/.ssh/config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: from ~/.ssh/config, else your local user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH agent (keys you already use with ssh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read ~/.ssh/&amp;config for this host (aliases, user, key files), like ssh does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords and passphrases are kept in your keychain, never in Certdeck&apos;s files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name identifies the server&apos;s keychain entry and deploy targets; remove and add the server to rename it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key pass&amp;phrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged (kept in your keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty when the key has none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the server a short name: letters, digits, dot, underscore or dash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name, address or ~/.ssh/config alias.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the private key file to sign in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password (it goes to your keychain).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::ServersPage</name>
    <message>
        <source>Key file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password (in your keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SSH servers Certdeck installs certificates on. Test a server once to confirm its host key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No servers yet. Add the SSH server your website runs on, so Certdeck can put certificates there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted host key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not confirmed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the server %1 (%2) from Certdeck? Certificates already on it stay there; deploy targets naming it stop working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a server named %1: choose another name, or edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1. Test it to confirm its host key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the host key of %1 changed and nothing was trusted. Certdeck will not connect until the new key is confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not trusted: nothing was recorded and Certdeck did not log in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password for %1 is in your keychain: edit the server and enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 as %2; host key trusted. Remote commands do not run for this account, so reloading a web server after a deployment will fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 as %2; host key trusted (%3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::SettingsDataLocation</name>
    <message>
        <source>Data folder in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the data folder in the file manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder from the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the data folder for the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the default data folder from the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From the next start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CERTDECK_DATA_DIR is set: it wins over this choice as long as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certdeck uses %1 from its next start. Nothing is moved: to keep your certificates, quit Certdeck and copy the contents of %2 there first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates, keys, the database and the SSH known_hosts file live here. Secrets (passwords, API tokens) are in your keychain, not in this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unattended renewal timer renews the certificates in %1. After the restart, install it again for the new folder: certdeck-cli --data-dir %2 install-timer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default certificate authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;CA:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default key type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;key type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days before expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Warn me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start minimised to the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed (renewals continue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop has no system tray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First expiry notice, days before expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first notice; then 14, 7, 3 and 1 days before expiry. The unattended renewal timer (certdeck-cli renew) uses this too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first notice; then 14, 7, 3 and 1 days before expiry. There is no data folder, so this stays on this desktop; set the renewal timer&apos;s with certdeck-cli notify settings --warn-days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Besides the desktop, renewal notices (renewed, failed, expiring, a server serving another certificate) go to these targets — also from the unattended renewal timer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data location</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::TrayNotifier</name>
    <message>
        <source>Show Certdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add domain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certdeck: no certificates yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certdeck: all %1 certificates fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certdeck: %1 of %2 certificates need attention</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::WizardCaPage</name>
    <message>
        <source>Certificate authority and key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who signs the certificate, and what kind of key it gets. Try the staging or local test CA first if you are unsure: nothing counts against any limit there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EAB key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EAB HMAC key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EAB &amp;key ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EAB &amp;HMAC key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: the CA writes here about problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I agree to the CA&apos;s terms of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local test CA only checks this computer, so it cannot see a DNS record (dns-01). Go Back and choose the built-in responder or a web server folder on this computer, or choose a real CA here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local test CA only checks this computer, so it cannot reach a web server folder on an SSH server. Go Back and choose the built-in responder or a web server folder on this computer, or choose a real CA here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try against %1 first (a dry run: if something is wrong, no real order fails)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in your keychain: leave empty to use it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local test CA has one kind of certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the CA which certificate profiles it offers …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the CA&apos;s directory (%1); its default profile is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This CA offers one kind of certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorter-lived certificates limit the damage of a leaked key; Certdeck renews them automatically.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::WizardChallengePage</name>
    <message>
        <source>How should Certdeck prove the names are yours?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA asks for a token under http://NAME/.well-known/acme-challenge/ or for a DNS record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers the local test CA directly. Nothing to set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certdeck answers on port 80 of this computer itself. Needs port 80 free and reachable from the internet (no web server running here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web server folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an SSH server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web server software</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nginx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other web server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Web server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web server folder on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the site&apos;s document root, e.g. /srv/www/example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the self-check (for sites this computer cannot reach)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual: I add the TXT record at my DNS host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With Manual, Certdeck shows the exact record and watches every name server until it serves it. Add providers in the DNS providers section to make renewals automatic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wildcard names (*.example.com) can only be proven with a DNS record, so the web server choices are off. Pick a DNS provider, or Manual to add the record yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local test CA only checks this computer, so a web server over SSH and DNS records cannot be used with it. Use the built-in responder or a folder on this computer; for a real server, choose a real CA (start Certdeck without --sandbox, or change the default CA in Settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a server named %1: pick it above, or add it under another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1 for its host key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1, but its host key could not be checked: %2 Certdeck asks again at the first connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1. Its host key is not trusted, so Certdeck will not connect to it: confirm the key with Test in the Servers section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1; its host key is trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No servers: this window has no data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No servers yet: Add server… (it asks you to confirm the server&apos;s host key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certdeck writes the token file into this folder over SFTP and removes it afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::WizardDeployPage</name>
    <message>
        <source>Install it on your servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. Certdeck copies the files over SSH, reloads the service and checks that the server really serves the new certificate; on any failure it puts the old files back. Renewals deploy to the same places.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ervice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Certificate file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key file (0600):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration test command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Config &amp;test:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now serves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data folder: nothing to deploy to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No servers yet: add one in the Servers section, then deploy from the certificate&apos;s details. Press Next to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a target for each server and service, then Deploy — or press Next to skip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no server named %1 any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not deployed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Deploy to install the certificate on the listed targets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploying …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new certificate (SHA-256 %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deployed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous certificate was put back and is served.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous files were put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing on the server was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployed: every server serves the new certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 targets failed; see each row. Fix the cause and press Deploy again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::WizardDonePage</name>
    <message>
        <source>Your certificate is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate for &lt;b&gt;%1&lt;/b&gt;, valid until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files (cert.pem, chain.pem, fullchain.pem, privkey.pem):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It now appears on the dashboard&apos;s timeline. Certdeck plans its renewal about a third of its lifetime before it expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It comes from the local test CA: use it to try things out, not on a public site.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::WizardIssuePage</name>
    <message>
        <source>Getting the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certdeck talks to the CA now. This usually takes a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: cleaning up what was set up for the CA …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: valid until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Nothing was ordered that needs undoing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA asks to wait until %1: try again then, or use its staging CA meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait before trying again (the CA limits orders), or use its staging CA meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go Back to the DNS check: it shows the CAA record to add for this CA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the TXT record at your DNS host (name and value exactly as shown), then Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go Back to the DNS check to see what the CA sees, fix the records, then Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make sure every name server serves the TXT record before the CA looks, then Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make sure http://NAME/.well-known/acme-challenge/ reaches this web server from the internet (port 80 open, DNS pointing here), then Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the server in the Servers section (address, login, host key), then Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go Back to the CA page and enter the EAB key ID and HMAC key from the CA&apos;s dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this computer&apos;s connection to the CA, then Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again; if it keeps failing, Details… has the CA&apos;s exact answer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::WizardNamesPage</name>
    <message>
        <source>Which names should the certificate cover?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One name per line, e.g. example.com and www.example.com. Use *.example.com for every subdomain (needs a DNS challenge).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names for the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::WizardPreflightPage</name>
    <message>
        <source>Checking DNS before ordering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a CA will see when it looks your names up. Problems found now cost nothing; found by the CA they cost a failed order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preflight results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name / check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding and advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue anyway: I know the order will fail unless this is fixed first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All names look ready for ordering.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>certdeck::ui::WizardReviewPage</name>
    <message>
        <source>Ready to order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the details, then press Issue. You can cancel while it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proof</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a test certificate from the local CA: browsers will not trust it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>without the self-check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual: you add the TXT record when asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>through DNS provider %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first against %1; the real order only if that works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Get, deploy and watch HTTPS certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a private local test CA (Pebble) on loopback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep certificates, keys and the database in DIR (wins over CERTDECK_DATA_DIR and the folder chosen in Settings).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
