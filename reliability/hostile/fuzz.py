#!/usr/bin/env python3
"""HTTP-level fuzzer for caseops: starts the server (bin/run, embedded H2, a fresh data directory),
puts hostile evidence in its evidence root, indexes it, then sends hostile requests to every endpoint
the server's /openapi lists. It checks that no answer is a 5xx, no body holds a stack trace, every
error is a Graph error, no file outside the evidence, data and export roots changes (a canary tree is
snapshotted before and compared after), no canary content is ever indexed or served, and that the
server keeps answering with bounded memory (RSS and heap sampled). Fixed seed: the same requests in
the same order on every run.

  reliability/hostile/run.sh [--seed N] [--mbox-gib G] [--rounds N]   (see run.sh)
"""

import argparse
import hashlib
import http.client
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import evidence  # noqa: E402

TRACE = re.compile(
    r"(\bat [A-Za-z_$][\w$.]*\([\w$]+\.java:\d+\)|\bCaused by: |java\.lang\.\w+(Exception|Error)"
    r"|org\.caseops\.[\w.]+Exception|\bException in thread"
    r"|jakarta\.\w+\.[\w.]+Exception|org\.eclipse\.[\w.]+Exception|StackOverflowError)",
    re.S,
)
NS = "#microsoft.graph.security."


class ServerGone(Exception):
    """The server stopped answering."""


class Stats:
    def __init__(self):
        self.by_category = {}
        self.server_errors = []
        self.traces = []
        self.not_graph = []
        self.no_answer = []
        self.canary_served = []
        self.failed_jobs = []
        self.statuses = {}
        self.lock = threading.Lock()

    def record(self, category, method, url, status, body, note=""):
        with self.lock:
            self.by_category[category] = self.by_category.get(category, 0) + 1
            key = f"{status // 100}xx" if status else "none"
            self.statuses[key] = self.statuses.get(key, 0) + 1
            sample = {"category": category, "method": method, "url": url[:300], "status": status, "note": note[:300]}
            text = body.decode("utf-8", "replace") if isinstance(body, (bytes, bytearray)) else (body or "")
            if status == 0:
                self.no_answer.append(sample)
                return
            if status >= 500:
                self.server_errors.append(dict(sample, body=text[:500]))
            if TRACE.search(text):
                self.traces.append(dict(sample, body=text[:800]))
            # The canary search's own query, echoed where searches are listed, is not canary content.
            echoed = text.replace(f'"contentQuery":"{evidence.CANARY_WORD}"', "")
            if evidence.CANARY_WORD in echoed or "root:x:0:0" in echoed:
                self.canary_served.append(dict(sample, body=text[:300]))
            if status >= 400 and status != 401 and not graph_error(text):
                self.not_graph.append(dict(sample, body=text[:300]))


def raw_answer(port, request, timeout=15):
    """Sends a request on a raw socket without closing its writing side and reads the answer: whole when the server
    closes the connection, or when a Content-Length (or the end of a chunked body) says where it ends. Returns the
    status (0 when the answer is not whole within the timeout), the body and a note."""
    import socket
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    data = b""
    started = time.time()
    try:
        s.sendall(request)
        while True:
            head, sep, body = data.partition(b"\r\n\r\n")
            if sep:
                m = re.search(rb"(?im)^content-length:\s*(\d+)", head)
                if m and len(body) >= int(m.group(1)):
                    break
                if re.search(rb"(?im)^transfer-encoding:\s*chunked", head) and body.endswith(b"0\r\n\r\n"):
                    break
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except OSError as e:
        m = re.match(rb"HTTP/1\.\d (\d{3})", data)
        return 0, data, f"raw socket: answer not whole after {time.time() - started:.1f} s ({type(e).__name__}), " \
            f"status line {m.group(1).decode() if m else 'none'}"
    finally:
        s.close()
    m = re.match(rb"HTTP/1\.\d (\d{3})", data)
    head, _, body = data.partition(b"\r\n\r\n")
    return (int(m.group(1)) if m else 0), body, f"raw socket, whole in {time.time() - started:.1f} s"


def graph_error(text):
    try:
        e = json.loads(text)["error"]
        return isinstance(e.get("code"), str) and isinstance(e.get("message"), str)
    except Exception:
        return False


class Client:
    def __init__(self, port, token, stats):
        self.port = port
        self.token = token
        self.stats = stats
        self.conn = None

    def request(self, category, method, path, body=None, headers=None, note="", timeout=120, auth=True):
        h = {"Authorization": f"Bearer {self.token}"} if auth else {}
        if body is not None:
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        if isinstance(body, str):
            body = body.encode("utf-8", "surrogatepass")
        for attempt in range(2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
                self.conn.request(method, path, body=body, headers=h)
                r = self.conn.getresponse()
                headers_out = dict(r.getheaders())
                if r.getheader("Content-Type", "").startswith("text/event-stream"):
                    # A live stream never ends: take what comes within a few seconds, then hang up.
                    self.conn.sock.settimeout(3)
                    try:
                        data = r.read1(65536)
                    except OSError:
                        data = b""
                    self.conn.close()
                    self.conn = None
                    self.stats.record(category, method, path, r.status, data, note)
                    return r.status, data, headers_out
                data = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                self.stats.record(category, method, path, r.status, data, note)
                return r.status, data, headers_out
            except (http.client.HTTPException, OSError) as e:
                if self.conn:
                    self.conn.close()
                self.conn = None
                if attempt == 1:
                    self.stats.record(category, method, path, 0, b"", f"{note} {type(e).__name__}: {e}")
                    return 0, b"", {}
        return 0, b"", {}

    def json(self, method, path, body=None, headers=None, category="setup"):
        status, data, h = self.request(category, method, path, None if body is None else json.dumps(body), headers)
        try:
            return status, (json.loads(data) if data else None), h
        except ValueError:
            return status, None, h


# ---------------------------------------------------------------- hostile values

def hostile_strings(rnd):
    return [
        "", " ", "\t\n", "x" * 257, "x" * 100_000, "\u0000", "a\u0000b", "\ud800", "\udfff\ud800",
        "😀" * 1000, "\u202e\u0627\u0644", "' OR 1=1 --", "\"; DROP TABLE cases; --", "${jndi:ldap://x/a}",
        "%s%n%x", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "file:///etc/passwd",
        "<script>alert(1)</script>", "{{7*7}}", "\\u0000", "%00", "%2e%2e%2f", "\r\nX-Injected: 1",
        "null", "true", "0", "-1", "9" * 400, "1e999999999", "NaN", "Infinity",
        "".join(chr(rnd.randrange(0x20, 0x2FFF)) for _ in range(rnd.randrange(1, 300))),
    ]


def hostile_kql(rnd):
    base = [
        "(" * 8000, ")" * 10, "(" * 101 + "a" + ")" * 101, "NOT " * 2000 + "a", "-(" * 4000 + "a",
        "\"" * 7999, "a" * 8001, "a*", "*", "**", "a" * 7000 + "*", "from:" * 1000, "sent>=" + "9" * 5000,
        "size:" + "9" * 30 + "GB", "size>99999999999GB", "sent:2024-01-01..1999-01-01", "sent:2024-02-30",
        "sent>=2024-01-01T25:61:61Z", "sent>=+999999999-01-01T00:00:00Z", "tag:x", "kind:nope",
        "unknownprop:x", "a AND", "OR a", "a OR OR b", "()", "(a", "a)", "\u0000", "\ud800", "😀*",
        " OR ".join(["a"] * 1500), " ".join(["from:a"] * 1000), " ".join(["\"a b\""] * 900),
        " ".join(["participants:x@y.z"] * 800), "NOT a " * 1000, "subject:(" + " OR ".join(["a"] * 900) + ")",
        "sent:2024-01-01..2024-12-31 " * 300, "filetype:.." * 500, "budget " * 1600,
    ]
    tokens = ["(", ")", "\"", "AND", "OR", "NOT", "-", "+", "*", "..", ":", ">=", "<", "from:", "sent:", "size>",
              "tag:", "kind:", "budget", "2024-01-01", "9999999999999999999", " ", " ", "\u00e9", "😀"]
    for _ in range(40):
        base.append("".join(rnd.choice(tokens) for _ in range(rnd.randrange(1, 400))))
    return base


def hostile_filters(rnd):
    base = [
        "(" * 1000, "not " * 500 + "status eq 'active'", "(" * 33 + "status eq 'active'" + ")" * 33,
        "status eq 'unknownFutureValue'", "action eq 'purgeData'", "action eq 'holdPolicySync'",
        "action eq 'exportResult'", "status eq 'nope'", "percentProgress eq 1e2147483648",
        "percentProgress eq 1e999999999", "percentProgress eq 99999999999999999999",
        "createdDateTime gt 2026-13-45T99:99:99Z", "createdDateTime gt 9999-12-31T23:59:59Z",
        "createdDateTime gt 0001-01-01T00:00:00+14:00", "displayName eq '" + "x" * 1990 + "'", "x" * 2001,
        "displayName eq 'a''b'", "displayName eq '\u0000'", "contains(displayName,'a')", "a/b/c eq 1",
        "displayName eq displayName", "1 eq 1", "status in ('active')", "status has 'x'", "",
        "displayName eq 'a' or " * 90 + "displayName eq 'a'", "percentProgress lt -9223372036854775809",
        "id eq null", "id gt null", "email eq 'a@b'",
    ]
    tokens = ["(", ")", "'", "eq", "ne", "gt", "and", "or", "not", "status", "displayName", "'active'", "1",
              "1.5e999999999", "null", "2026-01-01T00:00:00Z", " ", " ", "/", ",", "$"]
    for _ in range(40):
        base.append(" ".join(rnd.choice(tokens) for _ in range(rnd.randrange(1, 60))))
    return base


def hostile_emails():
    return [
        "../../../canary", "../../etc", "..", ".", "a/../../b@c.d", "..%2F..%2Fetc@x.y", "a@b/../../..",
        "/etc/passwd", "C:\\Windows\\x@y.z", "a\u0000@b.c", "a@b.c/../../../canary", "..@..", ".a@b.c",
        "a@b..c", "a@-b.c", "x" * 300 + "@b.c", "a@" + "b" * 300 + ".c", "a@b.c\r\nX: y", "%2e%2e@b.c",
        "a@b.c%00", "\u2025@b.c", "a@b.c/", "a@b.c\\..\\..",
    ]


def hostile_urls():
    return [
        "https://contoso.sharepoint.com/sites/../../../canary", "https://contoso.sharepoint.com/../../..",
        "https://../../etc", "https://host/%2e%2e/%2e%2e/etc", "https://host/sites/..%2f..%2f..%2fcanary",
        "file:///etc/passwd", "http://169.254.169.254/latest/meta-data", "https://host/a/./../../b",
        "https://host:99999/x", "https://host/\u0000", "https://ho\u0000st/x", "https://host/" + "a/" * 2000,
        "https://host/a?b=../../c", "https://host/a#../../c", "https:\\\\host\\..\\..\\x", "//host/x",
        "https://user:pass@host/x", "javascript:alert(1)", "https://host/sites/hostile/..;/..;/x",
        "https://[::1]/x", "https://host/%c0%ae%c0%ae/x", "https://host/\u2024\u2024/x", "",
    ]


# ---------------------------------------------------------------- the fuzzer

class Fuzzer:
    def __init__(self, args, client, stats, rnd):
        self.args = args
        self.c = client
        self.stats = stats
        self.rnd = rnd
        self.ids = {}
        self.base = "/v1.0/security/cases/ediscoveryCases"

    def create(self, path, body, key, headers=None):
        status, js, h = self.c.json("POST", path, body, headers)
        if status in (200, 201) and js and "id" in js:
            self.ids[key] = js["id"]
            return js["id"]
        raise RuntimeError(f"setup {path} {body}: {status} {js}")

    def await_operation(self, location, limit=3600):
        path = urllib.parse.urlsplit(location).path
        start = time.time()
        js = None
        silent = 0
        while time.time() - start < limit:
            status, js, _ = self.c.json("GET", path, category="await")
            if js and js.get("status") in ("succeeded", "partiallySucceeded", "failed"):
                return js
            silent = silent + 1 if status == 0 else 0
            if silent >= 3:
                raise ServerGone(f"no answer while polling {path}")
            time.sleep(2)
        return {"status": "timeout", "last": js}

    def start_action(self, path, body=None, headers=None, category="setup"):
        status, data, h = self.c.request(category, "POST", path, json.dumps(body or {}), headers)
        loc = h.get("Location") or h.get("location")
        return status, loc, data

    def setup(self):
        b = self.base
        case = self.create(b, {"displayName": "Hostile evidence", "externalId": "HOSTILE-1"}, "caseId")
        cust = self.create(f"{b}/{case}/custodians", {"email": evidence.MAILBOX}, "custodianId")
        self.create(f"{b}/{case}/custodians/{cust}/userSources",
                    {"email": evidence.MAILBOX, "includedSources": "mailbox"}, "userSourceId")
        self.create(f"{b}/{case}/custodians/{cust}/siteSources", {"site": {"webUrl": evidence.SITE}}, "siteSourceId")
        self.ids["sourceId"] = self.ids["userSourceId"]
        self.create(f"{b}/{case}/searches", {"displayName": "all", "contentQuery": "",
                                             "dataSourceScopes": "allCaseCustodians"}, "searchId")
        self.create(f"{b}/{case}/reviewSets", {"displayName": "hostile review"}, "reviewSetId")
        self.create(f"{b}/{case}/tags", {"displayName": "Hot"}, "tagId")
        self.create(f"{b}/{case}/reviewSets/{self.ids['reviewSetId']}/queries",
                    {"displayName": "q", "contentQuery": "NOT tag:Hot"}, "queryId")
        self.create(f"{b}/{case}/legalHolds", {"displayName": "lh", "contentQuery": "budget"}, "legalHoldId")
        self.create(f"{b}/{case}/noncustodialDataSources",
                    {"dataSource": {"@odata.type": NS + "userSource", "email": "ncds@contoso.com"}},
                    "noncustodialDataSourceId")
        self.ids["noncustodialId"] = self.ids["noncustodialDataSourceId"]

    # ---- evidence

    def evidence_phase(self, report):
        b, case = self.base, self.ids["caseId"]
        results = {}
        for name, path, body in [
            ("index", f"{b}/{case}/operations", {"action": "index"}),
        ]:
            t0 = time.time()
            status, loc, _ = self.start_action(path, body, category="evidence")
            op = self.await_operation(loc) if loc else {"status": f"not started ({status})"}
            results[name] = {"status": op.get("status"), "resultInfo": op.get("resultInfo"),
                             "seconds": round(time.time() - t0)}
            self.ids["operationId"] = urllib.parse.urlsplit(loc).path.rsplit("/", 1)[-1] if loc else "x"
        status, js, _ = self.c.json("GET", f"{b}/{case}/itemStatistics", category="evidence")
        results["itemStatistics"] = js
        # Failed and unindexed items, as the server names them.
        status, js, _ = self.c.json("GET", f"{b}/{case}/operations/{self.ids['operationId']}/execution/failedItems",
                                    category="evidence")
        results["failedItems"] = js
        # Every job over what was indexed: estimate, review set, tags, PDF, export.
        t0 = time.time()
        s = self.ids["searchId"]
        rs = self.ids["reviewSetId"]
        steps = [
            ("estimateStatistics", f"{b}/{case}/searches/{s}/estimateStatistics", {}, None),
            ("addToReviewSet", f"{b}/{case}/reviewSets/{rs}/addToReviewSet", {"search": {"id": s}}, None),
            ("applyTags", f"{b}/{case}/reviewSets/{rs}/queries/{self.ids['queryId']}/applyTags",
             {"tagsToAdd": [{"id": self.ids["tagId"]}]}, None),
            ("convertToPdf", f"{b}/{case}/operations", {"action": "convertToPdf", "reviewSet": {"id": rs}}, None),
            ("contentExport", f"{b}/{case}/reviewSets/{rs}/export",
             {"outputName": "hostile", "exportOptions": "originalFiles,text,pdfReplacement,tags"}, None),
            ("exportReport", f"{b}/{case}/searches/{s}/exportReport", {"displayName": "report"},
             {"Prefer": "include-unknown-enum-members"}),
        ]
        for name, path, body, headers in steps:
            t1 = time.time()
            status, loc, data = self.start_action(path, body, headers, category="evidence")
            op = self.await_operation(loc) if loc else {"status": f"not started ({status}) {data[:200]!r}"}
            results[name] = {"status": op.get("status"), "resultInfo": op.get("resultInfo"),
                             "seconds": round(time.time() - t1)}
            if name == "contentExport" and loc:
                results[name]["files"] = [
                    {k: f.get(k) for k in ("fileName", "size")} for f in op.get("exportFileMetadata") or []]
        # The canary word must be nowhere in the index.
        cs = self.create(f"{b}/{case}/searches", {"displayName": "canary", "contentQuery": evidence.CANARY_WORD,
                                                  "dataSourceScopes": "allCaseCustodians"}, "canarySearch")
        status, loc, _ = self.start_action(f"{b}/{case}/searches/{cs}/estimateStatistics", category="evidence")
        op = self.await_operation(loc) if loc else {}
        results["canarySearch"] = {"status": op.get("status"), "indexedItemCount": op.get("indexedItemCount")}
        report["evidence_jobs"] = results

    # ---- endpoints from /openapi

    def endpoints(self):
        status, js, _ = self.c.json("GET", "/openapi?format=JSON", headers={"Accept": "application/json"})
        ops = []
        for path, item in js["paths"].items():
            for method in ("get", "post", "patch", "put", "delete"):
                if method in item:
                    ops.append((method.upper(), path))
        return ops

    def fill(self, path, hostile_ids=False):
        def sub(m):
            name = m.group(1)
            if name == "version":
                return self.rnd.choice(["v1.0", "beta"]) if not hostile_ids else self.rnd.choice(
                    ["v1.0", "beta", "v2.0", "..", "%2e%2e", "v1.0%00"])
            if name == "sources":
                return self.rnd.choice(["userSources", "siteSources"] + (["x", "..", "%2F"] if hostile_ids else []))
            if hostile_ids:
                return urllib.parse.quote(self.rnd.choice([
                    "..", "../../etc/passwd", "x" * 5000, "'", "('a')", "%00", "\u0000", "😀", "00000000-0000-0000-0000-000000000000",
                    "../" * 20 + "canary/secret.txt", self.ids.get(name, "x") + "'", "1 or 1=1", "",
                    "\ud800"]), safe="", errors="surrogatepass")
            key = {"sourceId": "sourceId"}.get(name, name)
            if name == "sourceId" and "siteSources" in path:
                key = "siteSourceId"
            return self.ids.get(key, "00000000-0000-0000-0000-000000000000")
        filled = re.sub(r"\{(\w+)\}", sub, path)
        if "{sources}" in path and not hostile_ids:
            pass
        return filled

    def template(self, method, path):
        """A valid body for the endpoint, to mutate."""
        ids = self.ids
        p = path
        if p.endswith("/ediscoveryCases"):
            return {"displayName": "c", "description": "d", "externalId": "e"}
        if p.endswith("/{caseId}") and method == "PATCH":
            return {"description": "d"}
        if p.endswith("/custodians"):
            return {"email": "a@contoso.com"}
        if p.endswith("/{sources}") and "custodians" in p:
            return {"email": "a@contoso.com", "includedSources": "mailbox"}
        if p.endswith("/{sources}") and "legalHolds" in p:
            return {"email": evidence.MAILBOX}
        if p.endswith("/noncustodialDataSources"):
            return {"dataSource": {"@odata.type": NS + "siteSource", "site": {"webUrl": "https://h/sites/x"}}}
        if p.endswith("/legalHolds") or p.endswith("/{legalHoldId}"):
            return {"displayName": "h", "description": "d", "contentQuery": "budget", "isEnabled": True}
        if p.endswith("/operations") and "caseId" in p:
            return self.rnd.choice([
                {"action": "index"},
                {"action": "estimateStatistics", "search": {"id": ids["searchId"]}},
                {"action": "addToReviewSet", "reviewSet": {"id": ids["reviewSetId"]}, "search": {"id": ids["searchId"]}},
                {"action": "applyTags", "reviewSet": {"id": ids["reviewSetId"]}, "query": {"id": ids["queryId"]},
                 "tagsToAdd": [{"id": ids["tagId"]}]},
                {"action": "holdUpdate", "ids": [ids["custodianId"]], "holdChange": "applyHold"},
                {"action": "purgeData", "search": {"id": ids["searchId"]}, "purgeType": "recoverable"},
                {"action": "holdPolicySync", "legalHold": {"id": ids["legalHoldId"]}},
                {"action": "contentExport", "reviewSet": {"id": ids["reviewSetId"]}, "outputName": "x"},
                {"action": "exportResult", "search": {"id": ids["searchId"]}, "displayName": "x"},
            ])
        if p.endswith("/searches") or p.endswith("/{searchId}"):
            return {"displayName": "s", "contentQuery": "budget", "dataSourceScopes": "allCaseCustodians"}
        if p.endswith("/reviewSets"):
            return {"displayName": "r" + str(self.rnd.randrange(1 << 30))}
        if p.endswith("/addToReviewSet"):
            return {"search": {"id": ids["searchId"]}, "additionalDataOptions": "allVersions",
                    "itemsToInclude": "searchHits"}
        if p.endswith("/export"):
            return {"outputName": "o", "exportOptions": "originalFiles", "exportStructure": "directory",
                    "batesPrefix": "B", "batesStart": 1}
        if p.endswith("/queries") or p.endswith("/{queryId}"):
            return {"displayName": "q", "contentQuery": "tag:Hot"}
        if p.endswith("/applyTags"):
            return {"tagsToAdd": [{"id": ids["tagId"]}], "tagsToRemove": []}
        if p.endswith("/tags") or p.endswith("/{tagId}"):
            return {"displayName": "t" + str(self.rnd.randrange(1 << 30)), "childSelectability": "One",
                    "parent": {"id": ids["tagId"]}}
        if p.endswith("/estimateStatistics"):
            return {"statisticsOptions": "includeRefiners"}
        if p.endswith("/purgeData"):
            return {"purgeType": "recoverable", "purgeAreas": "mailboxes"}
        if p.endswith("/exportReport") or p.endswith("/exportResult"):
            return {"displayName": "x", "exportCriteria": "searchHits", "additionalOptions": "none",
                    "exportFormat": "pst"}
        if p.endswith("/applyHold") or p.endswith("/removeHold"):
            return {"ids": [ids["custodianId"]]}
        if p.endswith("/devSignIn"):
            return {"password": "x"}
        return {}

    ENUM_VALUES = ["unknownFutureValue", "purgeData", "exportReport", "exportResult", "holdPolicySync",
                   "permanentlyDelete", "teamsMessages", "allTenantMailboxes", "nope", "INDEX", "Index", "",
                   "allCaseCustodians,,", "mailbox,site", "One", "many", "partiallyIndexed", "linkedFiles",
                   "removeHold", "0", "999"]

    def mutate(self, body):
        """One hostile body (text) made from a valid one."""
        rnd = self.rnd
        kind = rnd.randrange(16)
        b = json.loads(json.dumps(body))
        keys = list(b.keys())
        if kind == 0 and keys:
            del b[rnd.choice(keys)]
        elif kind == 1 and keys:
            b[rnd.choice(keys)] = rnd.choice([1, -1, 1.5, True, False, None, [], {}, [1, 2], {"a": 1},
                                              10 ** 30, [[[]]], {"id": None}])
        elif kind == 2 and keys:
            b[rnd.choice(keys)] = rnd.choice(hostile_strings(rnd))
        elif kind == 3 and keys:
            b[rnd.choice(keys)] = rnd.choice(self.ENUM_VALUES)
        elif kind == 4:
            b[rnd.choice(["unknown", "status", "id", "createdDateTime", "@odata.type", "x@odata.bind",
                          "search@odata.bind", "percentProgress", "ids", "\u0000", ""])] = rnd.choice(
                ["x", 1, None, NS + "ediscoveryCase", "#x", "https://evil/x", ["a"]])
        elif kind == 5 and keys:
            k = rnd.choice(keys)
            text = json.dumps(b)
            return text[:-1] + (", " if len(b) else "") + json.dumps(k) + ": 1}"  # duplicate name
        elif kind == 6:
            text = json.dumps(b)
            return text[: rnd.randrange(len(text))]  # truncated
        elif kind == 7:
            text = json.dumps(b)
            return text + rnd.choice(["x", "}", "{}", "\u0000", " ]", ",", "//c", "\n{}"])
        elif kind == 8:
            depth = rnd.choice([65, 100, 1000, 100_000, 400_000])
            k = rnd.choice(keys) if keys else "x"
            opener, closer = rnd.choice([("[", "]"), ('{"a":', "}")])
            text = json.dumps({k: "@@"})
            return text.replace('"@@"', opener * depth + "1" + closer * depth)
        elif kind == 9:
            k = rnd.choice(keys) if keys else "x"
            b[k] = "x" * rnd.choice([1 << 19, (1 << 20) + 10])
        elif kind == 10:
            return rnd.choice(["", " ", "[]", "1", "\"x\"", "null", "true", "{", "}", "[{}]", "{}{}",
                               "\ufeff{}", "{\"a\":NaN}", "{\"a\":01}", "{\"a\":.1}", "{'a':1}", "{\"a\":1,}",
                               "{\"a\":\"\\x\"}", "{\"a\":\"\\ud800\"}"])
        elif kind == 11:
            raw = bytearray(json.dumps(b).encode())
            for _ in range(rnd.randrange(1, 6)):
                if raw:
                    raw[rnd.randrange(len(raw))] = rnd.randrange(256)
            return bytes(raw)
        elif kind == 12:
            for k in keys:
                if isinstance(b[k], dict) and "id" in b[k]:
                    b[k]["id"] = rnd.choice(hostile_strings(rnd))
                if isinstance(b[k], list):
                    b[k] = [rnd.choice(hostile_strings(rnd))] * rnd.choice([1, 2, 1001, 20000])
        elif kind == 13:
            for k in ("contentQuery", "email", "webUrl"):
                pass
            if "contentQuery" in b:
                b["contentQuery"] = rnd.choice(hostile_kql(rnd))
            elif "email" in b:
                b["email"] = rnd.choice(hostile_emails())
            elif "site" in b or "dataSource" in b:
                b["site"] = {"webUrl": rnd.choice(hostile_urls())}
            else:
                b["batesStart"] = rnd.choice([0, -1, 1e999, 10 ** 20, 99_999_999, "1", 1.5])
        elif kind == 14:
            b["@odata.type"] = rnd.choice([NS + "ediscoveryCase", NS + "caseOperation", "#x", "", 1, None,
                                           NS + "ediscoveryPurgeDataOperation"])
        else:
            pass  # the valid body itself
        return json.dumps(b, ensure_ascii=rnd.random() < 0.5)

    def headers(self):
        rnd = self.rnd
        h = {}
        r = rnd.random()
        if r < 0.3:
            h["Prefer"] = "include-unknown-enum-members"
        elif r < 0.35:
            h["Prefer"] = rnd.choice(["odata.maxpagesize=-1", "x" * 9000, "include-unknown-enum-members, " * 200,
                                      "odata.maxpagesize=99999999999"])
        r = rnd.random()
        if r < 0.05:
            h["Content-Type"] = rnd.choice(["text/plain", "application/xml", "application/json; charset=latin1",
                                            "multipart/form-data; boundary=x", "", "application/json;;;"])
        elif r < 0.08:
            h["Accept"] = rnd.choice(["application/xml", "text/html", "*/*;q=x", "image/png"])
        elif r < 0.1:
            h["client-request-id"] = rnd.choice(["x" * 10_000, "\u00e9", "a\tb", "'"])
        return h

    def query(self):
        rnd = self.rnd
        r = rnd.random()
        if r < 0.4:
            return ""
        opts = []
        for _ in range(rnd.randrange(1, 4)):
            name = rnd.choice(["$filter", "$filter", "$top", "$skip", "$skiptoken", "$count", "$select",
                               "$orderby", "$expand", "$search", "$format", "$FILTER", "$", "x"])
            if name.lower() == "$filter":
                value = rnd.choice(hostile_filters(rnd))
            elif name in ("$top", "$skip"):
                value = rnd.choice(["-1", "0", "1", "2147483648", "99999999999999999999", "x", "", "1e3", " 5"])
            elif name == "$orderby":
                value = rnd.choice(["displayName desc", "x", "displayName,displayName", "displayName sideways",
                                    "(", "a/b", ",", "createdDateTime desc," * 100])
            else:
                value = rnd.choice(hostile_strings(rnd)[:30] + ["true", "*", "id,displayName"])
            opts.append(urllib.parse.quote(name, safe="$") + "=" + urllib.parse.quote(value, safe="", errors="surrogatepass"))
        if rnd.random() < 0.1:
            opts.append(opts[0])
        return "?" + "&".join(opts)

    def fuzz_endpoints(self, rounds):
        ops = self.endpoints()
        safe_delete_ids = {"caseId", "custodianId", "searchId", "reviewSetId", "tagId", "queryId", "legalHoldId"}
        for rnd_i in range(rounds):
            for method, path in ops:
                if path == "/health" or path.endswith("/operations/events"):
                    category = "endpoints"
                hostile_ids = self.rnd.random() < 0.25
                if method == "DELETE" and not hostile_ids:
                    continue  # the shared resources stay; deletes run on throwaway ones below
                url = self.fill(path, hostile_ids)
                if method in ("GET",):
                    url += self.query()
                    body = None
                else:
                    body = self.mutate(self.template(method, path))
                self.c.request("endpoints", method, url, body, self.headers(), note=path, timeout=60)
            self.reopen_if_closed()

    def reopen_if_closed(self):
        b, case = self.base, self.ids["caseId"]
        status, js, _ = self.c.json("GET", f"{b}/{case}", category="endpoints")
        if js and js.get("status") in ("closed", "closing"):
            self.c.request("endpoints", "POST", f"{b}/{case}/reopen", "", {})

    def fuzz_kql(self):
        b, case = self.base, self.ids["caseId"]
        accepted = []
        for q in hostile_kql(self.rnd):
            for path, body in [
                (f"{b}/{case}/searches", {"displayName": "k", "contentQuery": q}),
                (f"{b}/{case}/reviewSets/{self.ids['reviewSetId']}/queries", {"displayName": "k", "contentQuery": q}),
                (f"{b}/{case}/legalHolds", {"displayName": "k", "contentQuery": q, "isEnabled": False}),
            ]:
                status, data, _ = self.c.request("kql", "POST", path, json.dumps(body), note=q[:80])
                if status == 201 and "searches" in path:
                    accepted.append(json.loads(data)["id"])
        # Run what was accepted: a query accepted when written must run.
        outcomes = {}
        for sid in accepted[:12]:
            status, loc, _ = self.start_action(f"{b}/{case}/searches/{sid}/estimateStatistics", category="kql")
            op = self.await_operation(loc, 600) if loc else {"status": f"not started {status}"}
            outcomes[op.get("status")] = outcomes.get(op.get("status"), 0) + 1
            if op.get("status") == "failed":
                self.stats.failed_jobs.append({"category": "kql", "search": sid,
                                               "note": "a query accepted when written failed its job",
                                               "resultInfo": op.get("resultInfo")})
        return {"accepted_searches": len(accepted), "estimates_run": outcomes}

    def fuzz_filters(self):
        b, case = self.base, self.ids["caseId"]
        collections = [b, f"{b}/{case}/custodians", f"{b}/{case}/operations", f"{b}/{case}/searches",
                       f"{b}/{case}/reviewSets", f"{b}/{case}/tags", f"{b}/{case}/legalHolds",
                       f"{b}/{case}/noncustodialDataSources", f"{b}/{case}/reviewSets/{self.ids['reviewSetId']}/files",
                       f"{b}/{case}/reviewSets/{self.ids['reviewSetId']}/queries", "/v1.0/caseops/operations",
                       "/v1.0/caseops/auditLog", f"{b}/{case}/custodians/{self.ids['custodianId']}/userSources"]
        for f in hostile_filters(self.rnd):
            for coll in collections:
                hdr = {"Prefer": "include-unknown-enum-members"} if self.rnd.random() < 0.5 else {}
                self.c.request("filter", "GET", coll + "?$filter=" + urllib.parse.quote(f, safe=""), None, hdr,
                               note=f[:80])

    def fuzz_traversal(self):
        b, case = self.base, self.ids["caseId"]
        cust = self.ids["custodianId"]
        accepted = []
        for e in hostile_emails():
            for path, body in [
                (f"{b}/{case}/custodians", {"email": e}),
                (f"{b}/{case}/custodians/{cust}/userSources", {"email": e, "includedSources": "mailbox"}),
                (f"{b}/{case}/noncustodialDataSources", {"dataSource": {"@odata.type": NS + "userSource", "email": e}}),
                (f"{b}/{case}/legalHolds/{self.ids['legalHoldId']}/userSources", {"email": e}),
            ]:
                status, data, _ = self.c.request("traversal", "POST", path, json.dumps(body), note=e)
                if status == 201:
                    accepted.append(("email", e))
        for u in hostile_urls():
            for path, body in [
                (f"{b}/{case}/custodians/{cust}/siteSources", {"site": {"webUrl": u}}),
                (f"{b}/{case}/custodians/{cust}/siteSources", {"site@odata.bind": u}),
                (f"{b}/{case}/noncustodialDataSources",
                 {"dataSource": {"@odata.type": NS + "siteSource", "site": {"webUrl": u}}}),
                (f"{b}/{case}/legalHolds/{self.ids['legalHoldId']}/siteSources", {"site": {"webUrl": u}}),
            ]:
                status, data, _ = self.c.request("traversal", "POST", path, json.dumps(body), note=u[:80])
                if status == 201:
                    accepted.append(("url", u))
        # URL paths that try to climb out of the API or the downloads.
        for raw in ["/v1.0/../../../../etc/passwd", "/v1.0/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
                    f"/v1.0/caseops/cases/{case}/downloads/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
                    f"/v1.0/caseops/cases/{case}/downloads/../../../canary/secret.txt",
                    f"/v1.0/caseops/cases/..%2F..%2Fcanary/downloads/secret.txt",
                    f"{b}/{case}/reviewSets/{self.ids['reviewSetId']}/files/..%2F..%2F..%2Fcanary%2Fsecret.txt/content",
                    "/console/../../../../etc/passwd", "/console/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                    "/console/..%5c..%5c..%5cetc%5cpasswd", "/WEB-INF/web.xml", "/console/../WEB-INF/web.xml",
                    "/%2e/WEB-INF/web.xml", "/META-INF/MANIFEST.MF"]:
            self.c.request("traversal", "GET", raw, None, {}, note=raw)
        # Index what was accepted, then look for the canary word.
        status, loc, _ = self.start_action(f"{b}/{case}/operations", {"action": "index"}, category="traversal")
        op = self.await_operation(loc, 1800) if loc else {"status": f"not started {status}"}
        return {"accepted_sources": accepted, "index_after": op.get("status")}

    def fuzz_protocol(self):
        """Bodies too large, bad lengths, wrong methods, odd versions."""
        b, case = self.base, self.ids["caseId"]
        c = self.c
        for size in (1 << 20, (1 << 20) + 1, 8 << 20, 64 << 20):
            body = b'{"displayName":"' + b"x" * (size - 18) + b'"}'
            c.request("protocol", "POST", b, body, {}, note=f"{size} bytes", timeout=300)
            c.request("protocol", "POST", f"{b}/{case}/searches/{self.ids['searchId']}/estimateStatistics", body, {},
                      note=f"{size} bytes action", timeout=300)
        for method in ("PUT", "OPTIONS", "TRACE", "PROPFIND", "HEAD", "CONNECT", "FOO"):
            c.request("protocol", method, f"{b}/{case}", None, {}, note=method)
        for path in ["/v2.0/security/cases/ediscoveryCases", "/v1.0/security/cases/ediscoveryCases/" + "a" * 20000,
                     "/v1.0/security/cases/ediscoveryCases('" + case + "')", "/v1.0/security/cases/ediscoverycases",
                     "/v1.0/security/cases/ediscoveryCases/%zz", "/v1.0/security/cases/ediscoveryCases?%zz=1",
                     "/v1.0/security/cases/ediscoveryCases?$filter=%", "/v1.0/$metadata", "/v1.0/$batch",
                     "/v1.0/security/cases/ediscoveryCases/$count", "/v1.0/security/cases/ediscoveryCases/$count/$count",
                     "/v1.0/security/cases/ediscoveryCases?" + "a=1&" * 5000]:
            c.request("protocol", "GET", path, None, {}, note=path[:80])
        for auth in ["Bearer", "Bearer x", "Bearer " + "a" * 20000, "Basic YTpi", "bearer " + c.token + "x",
                     "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", ""]:
            status, data, _ = c.request("protocol", "GET", b, None, {"Authorization": auth}, note="auth", auth=False)
        # A body announced longer than sent, and a raw socket with garbage.
        import socket
        for raw in [b"POST " + b.encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nContent-Type: application/json"
                    b"\r\nAuthorization: Bearer " + c.token.encode() + b"\r\n\r\n{\"displayName\":",
                    b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-A: " + b"a" * 100_000 + b"\r\n\r\n",
                    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + os.urandom(64),
                    b"GET /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n"]:
            try:
                s = socket.create_connection(("127.0.0.1", c.port), timeout=15)
                s.sendall(raw)
                s.shutdown(socket.SHUT_WR)
                data = b""
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                s.close()
                m = re.match(rb"HTTP/1\.\d (\d{3})", data)
                status = int(m.group(1)) if m else 0
                body = data.split(b"\r\n\r\n", 1)[-1]
                if status:
                    self.stats.record("protocol", "RAW", raw[:40].decode("latin1"), status, body, note="raw socket")
                else:
                    self.stats.record("protocol", "RAW", raw[:40].decode("latin1"), 400, b'{"error":{"code":"x","message":"closed"}}', note="closed without answer")
            except OSError as e:
                self.stats.record("protocol", "RAW", raw[:40].decode("latin1"), 400, b'{"error":{"code":"x","message":"closed"}}', note=f"closed: {e}")

        # Methods the server never serves, on a raw socket that stays open for writing (as a client that sends more
        # requests on the connection would): the answer must be whole and the server must end the connection, or
        # mark the answer's end with a length. A CONNECT answered without a length on a connection the server kept
        # open leaves such a client waiting.
        for method, path in [("CONNECT", f"{b}/{case}"), ("CONNECT", "/health"), ("CONNECT", "/nowhere"),
                             ("TRACE", f"{b}/{case}"), ("FOO", f"{b}/{case}")]:
            req = (f"{method} {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {c.token}\r\n\r\n").encode()
            status, body, note = raw_answer(c.port, req)
            self.stats.record("protocol", f"RAW {method}", path, status, body, note=note)

    def deletes(self):
        """Deletes of throwaway resources of a throwaway case, and of the case itself."""
        b = self.base
        status, js, _ = self.c.json("POST", b, {"displayName": "throwaway"}, category="endpoints")
        if not js:
            return
        case = js["id"]
        for coll, body in [("searches", {"displayName": "s"}), ("reviewSets", {"displayName": "r"}),
                           ("tags", {"displayName": "t"}), ("legalHolds", {"displayName": "h"})]:
            status, js2, _ = self.c.json("POST", f"{b}/{case}/{coll}", body, category="endpoints")
            if js2 and "id" in js2:
                self.c.request("endpoints", "DELETE", f"{b}/{case}/{coll}/{js2['id']}", None, {})
                self.c.request("endpoints", "DELETE", f"{b}/{case}/{coll}/{js2['id']}", None, {})
        self.c.request("endpoints", "DELETE", f"{b}/{case}", None, {})
        self.c.request("endpoints", "DELETE", f"{b}/{case}", None, {})


# ---------------------------------------------------------------- files and memory

def snapshot(root, skip):
    files = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames if os.path.join(dirpath, d) not in skip]
        for name in filenames + [d for d in dirnames]:
            p = os.path.join(dirpath, name)
            try:
                st = os.lstat(p)
            except OSError:
                continue
            digest = ""
            if os.path.isfile(p) and not os.path.islink(p) and st.st_size < (64 << 20):
                with open(p, "rb") as f:
                    digest = hashlib.sha256(f.read()).hexdigest()
            files[p] = (st.st_size, st.st_mtime_ns, st.st_mode, digest)
    return files


def compare(before, after):
    changed = []
    for p in sorted(set(before) | set(after)):
        if p not in before:
            changed.append(("created", p))
        elif p not in after:
            changed.append(("deleted", p))
        elif before[p] != after[p]:
            changed.append(("modified", p))
    return changed


class Memory(threading.Thread):
    def __init__(self, pid, port):
        super().__init__(daemon=True)
        self.pid = pid
        self.port = port
        self.samples = []
        self.health_failures = 0
        self.health_checks = 0
        self.stop = threading.Event()

    def rss(self):
        try:
            with open(f"/proc/{self.pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            return None

    def heap(self):
        try:
            out = subprocess.run(["jcmd", str(self.pid), "GC.heap_info"], capture_output=True, text=True,
                                 timeout=20).stdout
            m = re.search(r"total (\d+)K, used (\d+)K", out)
            return (int(m.group(1)) * 1024, int(m.group(2)) * 1024) if m else None
        except Exception:
            return None

    def run(self):
        while not self.stop.wait(3):
            heap = self.heap()
            self.samples.append({"t": time.time(), "rss": self.rss(),
                                 "heap_committed": heap[0] if heap else None, "heap_used": heap[1] if heap else None})
            self.health_checks += 1
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                conn.request("GET", "/health")
                r = conn.getresponse()
                r.read()
                if r.status != 200:
                    self.health_failures += 1
                conn.close()
            except Exception:
                self.health_failures += 1


def java_pid(run_pid):
    """The java process bin/run started (a child of its shell)."""
    for _ in range(300):
        try:
            out = subprocess.run(["ps", "-o", "pid=,args=", "--ppid", str(run_pid)], capture_output=True,
                                 text=True).stdout
            for line in out.splitlines():
                pid, args = line.strip().split(" ", 1)
                if "java" in args:
                    return int(pid)
        except Exception:
            pass
        time.sleep(1)
    raise RuntimeError("no java process under bin/run")


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--port", type=int, default=18580)
    ap.add_argument("--mbox-gib", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=60, help="passes over every endpoint")
    ap.add_argument("--heap", default="1g")
    ap.add_argument("--skip-evidence", action="store_true")
    ap.add_argument("--exclude", default="", help="hostile evidence left out, comma-separated (e.g. pdf_bomb)")
    args = ap.parse_args()

    rnd = random.Random(args.seed)
    work = os.path.abspath(args.work)
    data = os.path.join(work, "data")
    evid = os.path.join(data, "evidence")
    canary = os.path.join(work, "canary")
    os.makedirs(evid, exist_ok=True)
    evidence.write_canary(canary)
    made = {} if args.skip_evidence else evidence.write_all(evid, canary, args.mbox_gib,
                                                                  [x for x in args.exclude.split(",") if x])
    # Everything under the work folder but the data directory (which holds the evidence and export
    # roots) is the canary: it must be the same after the run.
    before = snapshot(work, {data})

    env = dict(os.environ, CASEOPS_SKIP_BUILD="1", CASEOPS_PORT=str(args.port), CASEOPS_DATA_DIR=data,
               CASEOPS_HEAP=args.heap, CASEOPS_THROTTLE_SUBMISSIONS_PER_CLIENT="0",
               CASEOPS_THROTTLE_SUBMISSIONS_PER_CASE="0", CASEOPS_THROTTLE_READS_PER_CLIENT="0")
    log = open(os.path.join(work, "run.log"), "w")
    server = subprocess.Popen([os.path.join(args.repo, "bin", "run")], cwd=args.repo, env=env, stdout=log,
                              stderr=subprocess.STDOUT, start_new_session=True)
    report = {"seed": args.seed, "rounds": args.rounds, "heap_max": args.heap, "evidence": made,
              "excluded": args.exclude}
    started = time.time()
    try:
        token = None
        while time.time() - started < 600 and not token:
            time.sleep(2)
            if server.poll() is not None:
                raise RuntimeError("the server did not start: see " + log.name)
            with open(log.name) as f:
                m = re.search(r"export TOKEN=(\S+)", f.read())
                token = m.group(1) if m else None
        if not token:
            raise RuntimeError("no token from bin/run")
        pid = java_pid(server.pid)
        mem = Memory(pid, args.port)
        mem.start()
        stats = Stats()
        client = Client(args.port, token, stats)
        fz = Fuzzer(args, client, stats, rnd)
        fz.setup()
        phases = {}

        def say(what):
            print(f"[{time.strftime('%H:%M:%S')}] {what}; {sum(stats.by_category.values())} requests so far",
                  file=sys.stderr, flush=True)

        say("setup done")

        def phase(name, fn):
            t = time.time()
            try:
                result = fn()
                if result is not None:
                    report[name] = result
            except ServerGone as e:
                report["server_stopped_answering"] = {"phase": name, "what": str(e)}
            except Exception:
                import traceback
                report.setdefault("fuzzer_errors", []).append({name: traceback.format_exc()})
            phases[name] = round(time.time() - t)
            say(f"{name} done")

        def answering():
            return "server_stopped_answering" not in report

        if not args.skip_evidence:
            phase("evidence", lambda: fz.evidence_phase(report))
        if answering():
            phase("traversal", fz.fuzz_traversal)
        if answering():
            phase("kql", fz.fuzz_kql)
        if answering():
            phase("filter", fz.fuzz_filters)
        if answering():
            phase("protocol", fz.fuzz_protocol)
        if answering():
            phase("endpoints", lambda: (fz.fuzz_endpoints(args.rounds), fz.deletes()) and None)
        report["endpoints_from_openapi"] = len(fz.endpoints())
        # Still answering at the end.
        status, _, _ = client.request("final", "GET", "/health", None, {}, auth=False)
        report["health_at_end"] = status
        mem.stop.set()
        mem.join(30)
        rss = [s["rss"] for s in mem.samples if s["rss"]]
        used = [s["heap_used"] for s in mem.samples if s["heap_used"]]
        committed = [s["heap_committed"] for s in mem.samples if s["heap_committed"]]
        report["memory"] = {
            "samples": len(mem.samples), "peak_rss_mib": round(max(rss) / 2 ** 20) if rss else None,
            "peak_heap_used_mib": round(max(used) / 2 ** 20) if used else None,
            "peak_heap_committed_mib": round(max(committed) / 2 ** 20) if committed else None,
            "final_rss_mib": round(rss[-1] / 2 ** 20) if rss else None,
            "health_checks": mem.health_checks, "health_failures": mem.health_failures}
        report["phase_seconds"] = phases
        report["requests"] = dict(stats.by_category, total=sum(stats.by_category.values()))
        report["statuses"] = stats.statuses
        report["server_errors_5xx"] = stats.server_errors
        report["stack_traces"] = stats.traces
        report["errors_not_graph_shaped"] = stats.not_graph[:50]
        report["errors_not_graph_shaped_count"] = len(stats.not_graph)
        report["no_answer"] = stats.no_answer
        report["canary_served"] = stats.canary_served
        report["accepted_queries_failed_jobs"] = stats.failed_jobs
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(60)
        except Exception:
            try:
                os.killpg(server.pid, signal.SIGKILL)
            except Exception:
                pass
        log.close()
    after = snapshot(work, {data})
    # The run's own files in the work folder are not the server's doing.
    changes = [c for c in compare(before, after) if not c[1].startswith(os.path.join(work, "run.log"))
               and not c[1].startswith(os.path.join(work, "report"))]
    report["files_changed_outside_roots"] = changes
    out = os.path.join(work, "report.json")
    with open(out + ".tmp", "w") as f:
        json.dump(report, f, indent=1, default=str)
    os.replace(out + ".tmp", out)
    summary = {
        "requests": report.get("requests"), "5xx": len(report.get("server_errors_5xx", [])),
        "stack_traces": len(report.get("stack_traces", [])), "no_answer": len(report.get("no_answer", [])),
        "not_graph_errors": report.get("errors_not_graph_shaped_count"),
        "canary_served": len(report.get("canary_served", [])), "files_outside_roots": len(changes),
        "accepted_queries_failed_jobs": len(report.get("accepted_queries_failed_jobs", [])),
        "memory": report.get("memory"), "health_at_end": report.get("health_at_end"),
        "fuzzer_errors": len(report.get("fuzzer_errors", [])),
        "server_stopped_answering": report.get("server_stopped_answering")}
    print(json.dumps(summary, indent=1))
    print("report:", out)
    bad = summary["5xx"] or summary["stack_traces"] or summary["no_answer"] or summary["canary_served"] \
        or summary["files_outside_roots"] or summary["accepted_queries_failed_jobs"] \
        or report.get("health_at_end") != 200 or summary["fuzzer_errors"] or summary["server_stopped_answering"]
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
