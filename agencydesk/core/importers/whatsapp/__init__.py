"""WhatsApp ``.txt`` export parser (Android and iOS, every locale header form).

Speed matters (exports can hold a million messages), so the parser

* samples the first lines once to decide the header *shape* (brackets or dash,
  date separator, year length, 12/24 h, seconds) and compiles one regex for it;
* splits the whole text with that regex in C (``re.split``), which yields
  ``[before, date, time, body, date, time, body, ...]``;
* decides the day/month order from all distinct dates at once;
* parses each distinct date and time string only once;
* keeps the per-message loop free of try/except and of regex calls except for
  the rare messages that need them (media, deleted, edited, odd senders).

The package: `header.py` learns the header shape, `messages.py` says what each message is,
`parser.py` runs the split and the loop.
"""

from .header import FORMAT_ANDROID, FORMAT_IOS, chat_name_from_filename, whatsapp_style
from .parser import parse_whatsapp

__all__ = [
    "FORMAT_ANDROID",
    "FORMAT_IOS",
    "chat_name_from_filename",
    "parse_whatsapp",
    "whatsapp_style",
]
