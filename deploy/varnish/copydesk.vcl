vcl 4.1;

# Varnish in front of Copydesk: caches reader pages for as long as Copydesk's Cache-Control says
# (s-maxage), drops exactly the pages a change touches when Copydesk sends `PURGE` with the
# surrogate keys in X-Purge-Keys, and keeps serving cached pages for a day when the app fails.
# Tested by copydesk/public/tests/test_varnish.py, which starts varnishd with this file.

import std;

backend copydesk {
    .host = "127.0.0.1";
    .port = "8000";
}

# Who may purge: the app servers. Add their addresses when Copydesk runs on other hosts.
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.restarts == 0) {
        unset req.http.X-Copydesk-Stale-Ok;  # only this file's own restart may set it
    }
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Keys are [a-z0-9-]; refusing anything else keeps the ban expression from being injected.
        if (req.http.X-Purge-Keys !~ "^[a-z0-9 -]*[a-z0-9-][a-z0-9 -]*$") {
            return (synth(400, "X-Purge-Keys must name surrogate keys separated by spaces"));
        }
        # "k1 k2" becomes (^|\s)(k1|k2)(\s|$): any of the keys, as a whole word. A ban on obj.*
        # only is checked by the ban lurker in the background, so bans do not pile up.
        ban("obj.http.Surrogate-Key ~ (^|\s)(" +
            regsuball(regsub(req.http.X-Purge-Keys, "^ +| +$", ""), " +", "|") + ")(\s|$)");
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, (possibly private) documents and authorised requests depend on who is asking.
    if (req.url ~ "^/(admin|documents)/" || req.http.Authorization) {
        return (pass);
    }
    # Reader pages are the same for everyone: a stray cookie must not make them uncacheable.
    unset req.http.Cookie;
    # Agency video and audio (/av/<id>/<file>): the same for everyone too, but up to 200 MB each.
    # Passed, not cached, so clips never push reader pages out of the cache, and Range requests
    # (a player seeking) reach Copydesk, which answers 206 itself; nginx buffers the body, so a
    # slow reader does not hold a Copydesk worker.
    if (req.url ~ "^/av/") {
        return (pass);
    }
    call copydesk_query;
    if (req.http.X-Copydesk-Stale-Ok) {
        # Restarted after the app failed: take any copy still in grace, however old, up to its
        # stale-if-error. req.grace survives a restart, so lift the limit set below explicitly.
        set req.grace = 3650d;
        return (hash);
    }
    # While the app is well, an expired page is served stale only briefly while it is refetched
    # in the background: this matches COPYDESK_STALE_WHILE_REVALIDATE_SECONDS.
    set req.grace = 60s;
    return (hash);
}

# Keep only the query parameters a reader page names, in one (alphabetical) order, and drop every
# other (utm_*, fbclid, ?x=N ...), so nobody can fill the cache with query strings. The app does the
# same (copydesk/public/query_params.py: each view names its parameters); since Copydesk only ever
# sees the URL rewritten here, a page Varnish keeps always depends on nothing but its hash. Per name,
# the last non-empty value is kept, as Django's request.GET.get reads it. A new view that names a
# parameter needs a line here too (copydesk/public/tests/test_varnish.py checks that).
sub copydesk_query {
    if (req.url !~ "\?") {
        return;
    }
    set req.http.X-Copydesk-Query = "";
    # author, cat, feed, p, page_id, tag: the old WordPress addresses (/?p=12) on every path.
    if (req.url ~ "[?&]author=[^&]") {
        set req.http.X-Copydesk-Query += "&author=" + regsub(req.url, "^.*[?&]author=([^&]+).*$", "\1");
    }
    if (req.url ~ "[?&]cat=[^&]") {
        set req.http.X-Copydesk-Query += "&cat=" + regsub(req.url, "^.*[?&]cat=([^&]+).*$", "\1");
    }
    if (req.url ~ "[?&]feed=[^&]") {
        set req.http.X-Copydesk-Query += "&feed=" + regsub(req.url, "^.*[?&]feed=([^&]+).*$", "\1");
    }
    if (req.url ~ "^/search/\?" && req.url ~ "[?&]from=[^&]") {
        set req.http.X-Copydesk-Query += "&from=" + regsub(req.url, "^.*[?&]from=([^&]+).*$", "\1");
    }
    if (req.url ~ "^/search/\?" && req.url ~ "[?&]lang=[^&]") {  # search results in one language
        set req.http.X-Copydesk-Query += "&lang=" + regsub(req.url, "^.*[?&]lang=([^&]+).*$", "\1");
    }
    if (req.url ~ "[?&]p=[^&]") {  # also a sitemap's page
        set req.http.X-Copydesk-Query += "&p=" + regsub(req.url, "^.*[?&]p=([^&]+).*$", "\1");
    }
    # page: search results and listings (sections, authors, tags, corrections), never an article.
    if (req.url ~ "^/((authors|tags)/[^/?]+|[^/?]+)/\?" && req.url ~ "[?&]page=[^&]") {
        set req.http.X-Copydesk-Query += "&page=" + regsub(req.url, "^.*[?&]page=([^&]+).*$", "\1");
    }
    if (req.url ~ "[?&]page_id=[^&]") {
        set req.http.X-Copydesk-Query += "&page_id=" + regsub(req.url, "^.*[?&]page_id=([^&]+).*$", "\1");
    }
    if (req.url ~ "^/search/\?" && req.url ~ "[?&]q=[^&]") {
        set req.http.X-Copydesk-Query += "&q=" + regsub(req.url, "^.*[?&]q=([^&]+).*$", "\1");
    }
    if (req.url ~ "^/search/\?" && req.url ~ "[?&]section=[^&]") {
        set req.http.X-Copydesk-Query += "&section=" + regsub(req.url, "^.*[?&]section=([^&]+).*$", "\1");
    }
    if (req.url ~ "^/search/\?" && req.url ~ "[?&]sort=[^&]") {
        set req.http.X-Copydesk-Query += "&sort=" + regsub(req.url, "^.*[?&]sort=([^&]+).*$", "\1");
    }
    if (req.url ~ "[?&]tag=[^&]") {
        set req.http.X-Copydesk-Query += "&tag=" + regsub(req.url, "^.*[?&]tag=([^&]+).*$", "\1");
    }
    if (req.url ~ "^/search/\?" && req.url ~ "[?&]to=[^&]") {
        set req.http.X-Copydesk-Query += "&to=" + regsub(req.url, "^.*[?&]to=([^&]+).*$", "\1");
    }
    set req.url = regsub(req.url, "\?.*$", "");
    if (req.http.X-Copydesk-Query != "") {
        set req.url = req.url + "?" + regsub(req.http.X-Copydesk-Query, "^&", "");
    }
    unset req.http.X-Copydesk-Query;
}

sub vcl_backend_response {
    # Cache-Control's s-maxage sets the TTL; keep expired copies for a day (stale-if-error) so
    # they can stand in when the app fails. How stale a healthy app's pages may be is req.grace.
    set beresp.grace = std.duration(
        regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), 24h);
    if (beresp.http.Surrogate-Key) {
        # A page Copydesk marked public is the same for everyone; never hand one reader's cookie on.
        unset beresp.http.Set-Cookie;
    }
    if (beresp.status >= 500) {
        # Do not let an error replace a good copy; the client side retries from the stale copy.
        return (abandon);
    }
    # Then the built-in rules: no-store, private, Vary: * and the like stay uncached.
}

sub vcl_backend_error {
    return (abandon);
}

sub vcl_synth {
    # A failed fetch lands here as 503: try once more, this time accepting a stale copy.
    if (resp.status == 503 && req.restarts == 0 && (req.method == "GET" || req.method == "HEAD")) {
        set req.http.X-Copydesk-Stale-Ok = "1";
        return (restart);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
