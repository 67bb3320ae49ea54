"""Patient how-to notes ("guides"): written once in Markdown, sent many times over WhatsApp.

A guide is plain-language Markdown with pictures stored in the database (`![alt](image:NAME)`)
and placeholders such as ``{first_name}`` or ``{site_url}`` that are filled in for each client.
Every send is recorded, so the desk can warn before the same guide goes to a client twice.

One module a job: `library` (the guides themselves: write, find, link gentle variants),
`images` (their pictures), `placeholders` (a client's details: names, dates, web address),
`whatsapp` (Markdown → WhatsApp formatting) and `sending` (a guide for one client, and the record
of who got what).
"""
