"""Hostile evidence for the fuzzer: files an index job reads from the evidence root.

Every generator writes a temporary name and renames it when whole. Sizes are what the files expand
to (or are), not what they take on disk: the large mbox is sparse.
"""

import base64
import os
import zipfile
import zlib

MAILBOX = "hostile@contoso.com"
SITE = "https://contoso.sharepoint.com/sites/hostile"
SITE_DIR = os.path.join("sites", "contoso.sharepoint.com", "sites", "hostile")

# A word only the canary files hold: a search for it must find nothing.
CANARY_WORD = "zqxcanaryjvw"


def _commit(tmp, path):
    os.replace(tmp, path)


def _message(subject, body, sender="mallory@evil.test", to=MAILBOX, date="Mon, 1 Jan 2024 10:00:00 +0000"):
    return (
        f"From: {sender}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {date}\r\n"
        f"Message-ID: <{abs(hash(subject))}@evil.test>\r\nMIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )


def zip_bomb(path, gib=1, copies=10):
    """A ZIP holding `copies` ZIPs, each one entry of `gib` GiB of zeros: copies*gib GiB expanded."""
    inner = path + ".inner.tmp"
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("zeros.bin", "w", force_zip64=True) as f:
            for _ in range(gib * 1024):
                f.write(chunk)
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for i in range(copies):
            z.write(inner, f"layer-{i}.zip")
    os.remove(inner)
    _commit(tmp, path)
    return {"file": path, "bytes": os.path.getsize(path), "expands_to_bytes": copies * gib << 30}


def _pdf(objects):
    """A PDF from numbered object bodies (bytes), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_bomb(path, mib=1024):
    """A one-page PDF whose content stream inflates to `mib` MiB (a text operator repeated)."""
    comp = zlib.compressobj(9)
    unit = b"BT /F1 12 Tf 72 712 Td (bomb) Tj ET\n" * 1024
    parts = []
    written = 0
    while written < mib << 20:
        parts.append(comp.compress(unit))
        written += len(unit)
    parts.append(comp.flush())
    stream = b"".join(parts)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode() + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(_pdf(objects))
    _commit(tmp, path)
    return {"file": path, "bytes": os.path.getsize(path), "expands_to_bytes": written}


def pdf_cycle(path, pages=2000):
    """A PDF whose page tree loops back on itself and claims `pages` pages."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count {pages} >>".encode(),
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>",
    ]
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(_pdf(objects))
    _commit(tmp, path)
    return {"file": path, "bytes": os.path.getsize(path)}


def billion_laughs():
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE lolz [", ' <!ENTITY lol "lol">']
    lines.append(' <!ENTITY lol1 "' + "&lol;" * 10 + '">')
    for i in range(2, 10):
        lines.append(f' <!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">')
    lines.append("]>")
    lines.append("<lolz>&lol9;</lolz>")
    return "\n".join(lines) + "\n"


def external_entity(target):
    return (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE x [ <!ENTITY xxe SYSTEM "file://{target}"> ]>\n'
        "<x>&xxe;</x>\n"
    )


def docx_with(path, document_xml):
    """A Word document whose word/document.xml is the given XML."""
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
            '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
            '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
            '"word/document.xml"/></Relationships>',
        )
        z.writestr("word/document.xml", document_xml)
    _commit(tmp, path)
    return {"file": path, "bytes": os.path.getsize(path)}


def many_attachments(path, count=10_000):
    """One message with `count` small attachments (one of them a billion-laughs XML)."""
    boundary = "=_hostile_boundary_"
    tmp = path + ".tmp"
    with open(tmp, "w", newline="") as f:
        f.write(
            f"From: mallory@evil.test\r\nTo: {MAILBOX}\r\nSubject: ten thousand attachments\r\n"
            "Date: Mon, 1 Jan 2024 10:00:00 +0000\r\nMessage-ID: <many@evil.test>\r\nMIME-Version: 1.0\r\n"
            f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n'
            f"--{boundary}\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
        )
        for i in range(count):
            if i == count // 2:
                name, ctype, payload = "lol.xml", "application/xml", billion_laughs().encode()
            else:
                name, ctype, payload = f"a{i}.txt", "text/plain", f"attachment {i}\n".encode()
            f.write(
                f"--{boundary}\r\nContent-Type: {ctype}; name=\"{name}\"\r\n"
                f'Content-Disposition: attachment; filename="{name}"\r\n'
                "Content-Transfer-Encoding: base64\r\n\r\n"
                + base64.encodebytes(payload).decode().replace("\n", "\r\n")
            )
        f.write(f"--{boundary}--\r\n")
    _commit(tmp, path)
    return {"file": path, "bytes": os.path.getsize(path), "attachments": count}


def large_mbox(path, gib=2):
    """An mbox of `gib` GiB: a few ordinary messages around one message whose body is a sparse hole
    of zeros (so it takes almost no disk), then more messages after the hole."""
    head = "".join("From mallory@evil.test Mon Jan  1 10:00:00 2024\n" + _message(f"before {i}", "x").replace("\r\n", "\n") + "\n" for i in range(3))
    big = "From mallory@evil.test Mon Jan  1 10:00:00 2024\n" + _message("the hole", "").replace("\r\n", "\n")
    tail = "".join("\nFrom mallory@evil.test Mon Jan  1 10:00:00 2024\n" + _message(f"after {i}", "y").replace("\r\n", "\n") for i in range(3))
    size = gib << 30
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write((head + big).encode())
        f.truncate(size - len(tail.encode()))
        f.seek(0, os.SEEK_END)
        f.write(tail.encode())
    _commit(tmp, path)
    st = os.stat(path)
    return {"file": path, "bytes": st.st_size, "on_disk_bytes": st.st_blocks * 512}


def write_all(evidence_root, canary_dir, mbox_gib=2, exclude=()):
    """Writes the hostile mailbox and site, but for the kinds named in `exclude`; returns what was written."""
    mailbox = os.path.join(evidence_root, "mailboxes", MAILBOX)
    site = os.path.join(evidence_root, SITE_DIR)
    os.makedirs(mailbox, exist_ok=True)
    os.makedirs(site, exist_ok=True)
    made = {}
    made["zip_bomb"] = zip_bomb(os.path.join(site, "bomb.zip"))
    if "pdf_bomb" not in exclude:
        made["pdf_bomb"] = pdf_bomb(os.path.join(site, "bomb.pdf"))
    made["pdf_page_tree_cycle"] = pdf_cycle(os.path.join(site, "cycle.pdf"))
    with open(os.path.join(site, "lol.xml"), "w") as f:
        f.write(billion_laughs())
    made["billion_laughs_xml"] = {"file": os.path.join(site, "lol.xml")}
    made["billion_laughs_docx"] = docx_with(os.path.join(site, "lol.docx"), billion_laughs())
    canary_file = os.path.join(canary_dir, "secret.txt")
    with open(os.path.join(site, "xxe.xml"), "w") as f:
        f.write(external_entity(canary_file))
    made["external_entity_xml"] = {"file": os.path.join(site, "xxe.xml"), "target": canary_file}
    made["external_entity_docx"] = docx_with(os.path.join(site, "xxe.docx"), external_entity(canary_file))
    made["ten_thousand_attachments"] = many_attachments(os.path.join(mailbox, "many.eml"))
    made["large_mbox"] = large_mbox(os.path.join(mailbox, "large.mbox"), mbox_gib)
    # Links out of the root: the walk must not follow them.
    for name in ("escape-link", "escape-file.txt"):
        link = os.path.join(site, name)
        if not os.path.lexists(link):
            os.symlink(canary_dir if name == "escape-link" else canary_file, link)
    made["symlinks_out_of_root"] = {"dir": os.path.join(site, "escape-link"), "file": os.path.join(site, "escape-file.txt")}
    with open(os.path.join(mailbox, "plain.eml"), "w", newline="") as f:
        f.write(_message("ordinary", "an ordinary message about the budget"))
    return made


def write_canary(canary_dir):
    """A tree outside every root, with a mailbox and a site a traversal would reach."""
    os.makedirs(canary_dir, exist_ok=True)
    with open(os.path.join(canary_dir, "secret.txt"), "w") as f:
        f.write(f"{CANARY_WORD} root:x:0:0 secret\n")
    for sub in ("mailboxes/x", "sites/host/path", "etc"):
        d = os.path.join(canary_dir, sub)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "canary.eml"), "w", newline="") as f:
            f.write(_message(f"canary {CANARY_WORD}", f"{CANARY_WORD} outside the evidence root"))
