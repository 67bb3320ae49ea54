"""What a WhatsApp message is: text, media (attached or left out of the export), deleted,
edited, or a system line ("Bu Sari added Pak Budi"), in every language the exports are made in.
"""

from __future__ import annotations

import re

from ..model import (
    FLAG_AUDIO,
    FLAG_DELETED,
    FLAG_DOCUMENT,
    FLAG_EDITED,
    FLAG_MEDIA_OMITTED,
    FLAG_PHOTO,
    FLAG_STICKER,
    FLAG_VIDEO,
    KIND_MEDIA,
    KIND_MESSAGE,
    NO_FLAGS,
    MessageKind,
    shared_flags,
)
from ..textutil import clean_text

# --- message classification -------------------------------------------------

_EDITED_MARKERS = (
    "<This message was edited>",
    "<Pesan ini telah diedit>",
    "<Pesan ini diedit>",
)
_DELETED_TEXTS = frozenset(
    {
        "This message was deleted",
        "You deleted this message",
        "Pesan ini telah dihapus",
        "Pesan ini dihapus",
        "Anda menghapus pesan ini",
    }
)
#: media left out of the export → what it was, when the text says (None: "<Media omitted>")
_OMITTED_KINDS: dict[str, str | None] = {
    "<Media omitted>": None,
    "<Media tidak disertakan>": None,
    "image omitted": FLAG_PHOTO,
    "video omitted": FLAG_VIDEO,
    "audio omitted": FLAG_AUDIO,
    "sticker omitted": FLAG_STICKER,
    "document omitted": FLAG_DOCUMENT,
    "GIF omitted": FLAG_VIDEO,
    "Contact card omitted": None,
    "gambar tidak disertakan": FLAG_PHOTO,
    "video tidak disertakan": FLAG_VIDEO,
    "audio tidak disertakan": FLAG_AUDIO,
    "stiker tidak disertakan": FLAG_STICKER,
    "dokumen tidak disertakan": FLAG_DOCUMENT,
    "GIF tidak disertakan": FLAG_VIDEO,
    "kartu kontak tidak disertakan": None,
}
_OMITTED_TEXTS = frozenset(_OMITTED_KINDS)
_OMITTED_FLAGS = {
    text: frozenset({FLAG_MEDIA_OMITTED, kind} if kind else {FLAG_MEDIA_OMITTED})
    for text, kind in _OMITTED_KINDS.items()
}
_F_OMITTED_DOCUMENT = frozenset({FLAG_MEDIA_OMITTED, FLAG_DOCUMENT})
_OMITTED_SUFFIXES = (" document omitted", " dokumen tidak disertakan")
# Exact texts that need the slow path even without any tell-tale character.
_SPECIAL_TEXTS = _DELETED_TEXTS | {t + "." for t in _DELETED_TEXTS} | _OMITTED_TEXTS
_ATTACHED = re.compile(r"<(?:attached|terlampir|lampiran): ([^<>]+)>")
# iOS documents: the name and page count before the attachment ("INV.pdf • 1 page <attached: …>")
_DOCUMENT = re.compile(
    r"(.+?[ \u00a0\u202f]•[ \u00a0\u202f]\d[\d.,]*[ \u00a0\u202f](?:pages?|halaman))"
    r"[ \u00a0\u202f]*<(?:attached|terlampir|lampiran): ([^<>]+)>"
)
_FILE_ATTACHED = re.compile(r"(.+) \((?:file attached|file terlampir)\)")
_FILE_ATTACHED_ENDS = (" (file attached)", " (file terlampir)")

_F_EDITED = frozenset({FLAG_EDITED})
_F_DELETED = frozenset({FLAG_DELETED})

# System texts that can only be system events (any chat).
_STRONG_SYSTEM = re.compile(
    r"(?:Messages and calls are end-to-end encrypted"
    r"|Messages (?:to|you send to) this (?:group|chat) are now secured with end-to-end encryption"
    r"|Pesan dan panggilan terenkripsi secara end-to-end"
    r"|Pesan (?:ke|yang Anda kirim(?:kan)? ke) (?:grup|chat) ini (?:sekarang )?diamankan"
    r"|Your security code with .+ changed"
    r"|Kode keamanan (?:Anda )?dengan .+ (?:telah )?berubah"
    r"|This (?:chat is with a business account|business (?:account|uses))"
    r"|Chat ini (?:adalah )?dengan akun bisnis"
    r"|You (?:un)?blocked this contact"
    r"|Anda (?:memblokir|membuka blokir) kontak ini"
    r"|.{1,200} turned (?:on|off) disappearing messages"
    r"|Disappearing messages (?:were|was) turned"
    r"|.{1,200} (?:mengaktifkan|menonaktifkan) pesan sementara"
    r"|.{1,200} changed (?:their|his|her) phone number"
    r"|.{1,200} telah mengganti nomor telepon"
    r"|.{1,200} (?:is|adalah) (?:a contact|kontak)\.?$"
    r"|You(?:'re| are) now an admin|Anda sekarang (?:adalah )?admin"
    r")"
)
# Group events ("X added Y" ...). Only trusted where the line is known to be
# system-like (Android line without author, iOS chat-name author).
_GROUP_SYSTEM = re.compile(
    r"(?:.{1,200} created (?:the )?group .+"
    r"|.{1,200} membuat grup .+"
    r"|You created this group|Anda membuat grup ini"
    r"|.{1,200} (?:added|removed|menambahkan|mengeluarkan) .+"
    r"|.{1,200} (?:left|keluar)"
    r"|.{1,200} joined using this group's invite link"
    r"|.{1,200} bergabung menggunakan tautan undangan grup ini"
    r"|.{1,200} joined (?:from|via|using) .+"
    r"|.{1,200} changed the (?:subject|group name) (?:from .+ )?to .+"
    r"|.{1,200} mengubah (?:subjek|nama grup)(?: dari .+)? menjadi .+"
    r"|.{1,200} (?:changed|deleted) (?:this group's|the group) (?:icon|description|settings)"
    r"|.{1,200} (?:mengubah|menghapus) (?:ikon|deskripsi|setelan) grup(?: ini)?"
    r"|.{1,200} (?:(?:is|are) )?(?:now|no longer) an? admin"
    r"|.{1,200} (?:pinned a message|menyematkan pesan)"
    r"|.{1,200} reset this group's invite link"
    r")$"
)
_CREATED_GROUP = re.compile(
    r"(?:.{1,200} (?:created (?:the )?group|membuat grup) .+"
    r"|You created this group|Anda membuat grup ini)"
)
_SYSTEM_LINE_LIMIT = 1000


def _classify(raw: str) -> tuple[MessageKind, str, frozenset[str], str | None]:
    """Kind, text, flags and media file of a message body (slow path)."""
    text = clean_text(raw)
    edited = False
    if text.endswith(">"):
        for marker in _EDITED_MARKERS:
            if text.endswith(marker):
                text = text[: -len(marker)].rstrip(" \u00a0\u202f")
                edited = True
                break
    first, _nl, rest = text.partition("\n")
    key = first.strip()
    base = _F_EDITED if edited else NO_FLAGS
    if not rest and (key in _DELETED_TEXTS or (key.endswith(".") and key[:-1] in _DELETED_TEXTS)):
        return KIND_MESSAGE, "", shared_flags(base | _F_DELETED), None
    omitted = _OMITTED_FLAGS.get(key)
    if omitted is not None:
        return KIND_MEDIA, rest, shared_flags(base | omitted), None
    if key.endswith(_OMITTED_SUFFIXES):
        return KIND_MEDIA, rest, shared_flags(base | _F_OMITTED_DOCUMENT), None
    # (each pattern tried only where the text can hold it: a regex call costs more than the
    # plain test)
    m = _ATTACHED.match(key) if key.startswith("<") else None
    if m is not None:
        after = key[m.end() :].strip()
        caption = "\n".join(p for p in (after, rest) if p)
        return KIND_MEDIA, caption, base, m.group(1).strip()
    m = _FILE_ATTACHED.fullmatch(key) if key.endswith(_FILE_ATTACHED_ENDS) else None
    if m is not None:
        return KIND_MEDIA, rest, base, m.group(1).strip()
    if "<" in key:
        m = _DOCUMENT.match(key)
        if m is not None:  # the document's name and pages are its caption
            after = key[m.end() :].strip()
            caption = "\n".join(p for p in (m.group(1).strip(), after, rest) if p)
            return KIND_MEDIA, caption, base, m.group(2).strip()
    return KIND_MESSAGE, text, base, None


#: how every placeholder ends (its last three characters): most texts are ruled out by these
_PLACEHOLDER_TAILS = frozenset(
    t[-3:] for t in (*_DELETED_TEXTS, *(d + "." for d in _DELETED_TEXTS), *_OMITTED_TEXTS)
) | frozenset(t[-3:] for t in _OMITTED_SUFFIXES)


def placeholder(text: str) -> tuple[MessageKind, frozenset[str]] | None:
    """The kind and flags of a WhatsApp placeholder written as a message's whole text (deleted,
    media left out, in every language known here), or None. For WhatsApp chats carried in
    other containers (a CSV made by an export tool or a spreadsheet)."""
    if text[-3:] not in _PLACEHOLDER_TAILS and not text[-1:].isspace():
        return None  # the common case, decided without copying the text
    key = text.strip()
    if "\u200e" in key:
        key = clean_text(key).strip()
    if key in _DELETED_TEXTS or (key.endswith(".") and key[:-1] in _DELETED_TEXTS):
        return KIND_MESSAGE, _F_DELETED
    omitted = _OMITTED_FLAGS.get(key)
    if omitted is not None:
        return KIND_MEDIA, omitted
    if key.endswith(_OMITTED_SUFFIXES):
        return KIND_MEDIA, _F_OMITTED_DOCUMENT
    return None


def _is_system_text(text: str, *, group: bool) -> bool:
    line = text.split("\n", 1)[0].strip()
    if len(line) > _SYSTEM_LINE_LIMIT:
        return False
    if _STRONG_SYSTEM.match(line):
        return True
    return group and _GROUP_SYSTEM.match(line) is not None
