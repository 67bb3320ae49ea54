<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About agencydesk</source>
        <translation>Tentang agencydesk</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Versi {version}</translation>
    </message>
    <message>
        <source>A daily desk for freelancers and small web agencies who support their clients.</source>
        <translation>Meja kerja harian untuk freelancer dan agensi web kecil yang melayani klien mereka.</translation>
    </message>
    <message>
        <source>Free software under the MIT license. Copyright © 2026 the agencydesk developers.</source>
        <translation>Perangkat lunak bebas dengan lisensi MIT. Hak cipta © 2026 para pengembang agencydesk.</translation>
    </message>
    <message>
        <source>Your data folder</source>
        <translation>Folder data Anda</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Buka folder</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Dibuat dengan</translation>
    </message>
    <message>
        <source>version unknown</source>
        <translation>versi tidak diketahui</translation>
    </message>
    <message>
        <source>PySide6 and Qt are used under the GNU LGPL version 3. Their libraries are separate files in the app folder, so you can replace them with your own build.</source>
        <translation>PySide6 dan Qt dipakai dengan lisensi GNU LGPL versi 3. Pustakanya berupa berkas terpisah di folder aplikasi, jadi Anda bisa menggantinya dengan hasil build Anda sendiri.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Tatap muka</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
</context>
<context>
    <name>ClientDetailView</name>
    <message>
        <source>Choose a client on the left, or press Ctrl+N to add one.</source>
        <translation>Pilih klien di sebelah kiri, atau tekan Ctrl+N untuk menambah klien.</translation>
    </message>
    <message>
        <source>Handle with care</source>
        <translation>Perlu perhatian khusus</translation>
    </message>
    <message>
        <source>Came on their own</source>
        <translation>Datang sendiri</translation>
    </message>
    <message>
        <source>Phone / WhatsApp</source>
        <translation>Telepon / WhatsApp</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Situs web</translation>
    </message>
    <message>
        <source>City / island</source>
        <translation>Kota / pulau</translation>
    </message>
    <message>
        <source>Tech comfort</source>
        <translation>Melek teknologi</translation>
    </message>
    <message>
        <source>Prefers</source>
        <translation>Lebih suka</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Kontak pertama</translation>
    </message>
    <message>
        <source>Introduced by</source>
        <translation>Dikenalkan oleh</translation>
    </message>
    <message>
        <source>Introduced</source>
        <translation>Mengenalkan</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Linimasa</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tiket</translation>
    </message>
</context>
<context>
    <name>ClientFormDialog</name>
    <message>
        <source>New client</source>
        <translation>Klien baru</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>Ubah klien</translation>
    </message>
    <message>
        <source>e.g. Ibu Ratna Wulandari</source>
        <translation>mis. Ibu Ratna Wulandari</translation>
    </message>
    <message>
        <source>+62 812 3456 7890</source>
        <translation>+62 812 3456 7890</translation>
    </message>
    <message>
        <source>e.g. https://katering-ratna.id</source>
        <translation>mis. https://katering-ratna.id</translation>
    </message>
    <message>
        <source>e.g. Makassar, Sulawesi</source>
        <translation>mis. Makassar, Sulawesi</translation>
    </message>
    <message>
        <source>comma-separated, e.g. gentle, referrer</source>
        <translation>pisahkan dengan koma, mis. sabar, perujuk</translation>
    </message>
    <message>
        <source>e.g. Be gentle, explain step by step</source>
        <translation>mis. Bersikap lembut, jelaskan langkah demi langkah</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Diketahui</translation>
    </message>
    <message>
        <source>Nobody – came on their own</source>
        <translation>Tidak ada – datang sendiri</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Nama *</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Usaha / perusahaan</translation>
    </message>
    <message>
        <source>Phone / WhatsApp</source>
        <translation>Telepon / WhatsApp</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Situs web</translation>
    </message>
    <message>
        <source>City / island</source>
        <translation>Kota / pulau</translation>
    </message>
    <message>
        <source>Tech comfort</source>
        <translation>Melek teknologi</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>Saluran pilihan</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Caution note</source>
        <translation>Catatan perhatian</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Kontak pertama</translation>
    </message>
    <message>
        <source>Introduced by</source>
        <translation>Dikenalkan oleh</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Please enter the client&apos;s name.</source>
        <translation>Mohon isi nama klien.</translation>
    </message>
    <message>
        <source>This is too long.</source>
        <translation>Isian ini terlalu panjang.</translation>
    </message>
    <message>
        <source>This does not look like an email address (name@example.com).</source>
        <translation>Ini tidak tampak seperti alamat email (nama@contoh.com).</translation>
    </message>
    <message>
        <source>This does not look like a web address (katering-ratna.id).</source>
        <translation>Ini tidak tampak seperti alamat web (katering-ratna.id).</translation>
    </message>
    <message>
        <source>A phone number has digits and may start with + (e.g. +62 812 3456 7890).</source>
        <translation>Nomor telepon berisi angka dan boleh diawali + (mis. +62 812 3456 7890).</translation>
    </message>
    <message>
        <source>Choose a level from 1 to 5.</source>
        <translation>Pilih tingkat 1 sampai 5.</translation>
    </message>
    <message>
        <source>Choose one of the listed channels.</source>
        <translation>Pilih salah satu saluran yang tersedia.</translation>
    </message>
    <message>
        <source>The first contact cannot be in the future.</source>
        <translation>Kontak pertama tidak bisa di masa depan.</translation>
    </message>
    <message>
        <source>A client cannot introduce themselves.</source>
        <translation>Klien tidak bisa mengenalkan dirinya sendiri.</translation>
    </message>
    <message>
        <source>That client does not exist any more.</source>
        <translation>Klien itu sudah tidak ada.</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>How comfortable the client is with technology, from 1 to 5</source>
        <translation>Seberapa nyaman klien dengan teknologi, dari 1 sampai 5</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>the ClientRow field each column shows, left to right initial widths of all but the last (stretched) column</extracomment>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Usaha / perusahaan</translation>
    </message>
    <message>
        <source>City / island</source>
        <translation>Kota / pulau</translation>
    </message>
    <message>
        <source>Phone / WhatsApp</source>
        <translation>Telepon / WhatsApp</translation>
    </message>
    <message>
        <source>Comfort</source>
        <translation>Melek IT</translation>
    </message>
    <message>
        <source>Prefers</source>
        <translation>Lebih suka</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Label</translation>
    </message>
</context>
<context>
    <name>ClientTicketsView</name>
    <message>
        <source>New ticket…</source>
        <translation>Tiket baru…</translation>
    </message>
    <message>
        <source>Billable time per month:</source>
        <translation>Waktu yang ditagih per bulan:</translation>
    </message>
    <message>
        <source> (+ {time} not billable)</source>
        <translation> (+ {time} tidak ditagih)</translation>
    </message>
    <message>
        <source>No time recorded yet.</source>
        <translation>Belum ada waktu yang dicatat.</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Search by name, company, phone, email, city or tag  (Ctrl+F)</source>
        <translation>Cari nama, usaha, telepon, email, kota atau label  (Ctrl+F)</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Klien baru</translation>
    </message>
    <message>
        <source>Delete client</source>
        <extracomment>(client id, client name) of a client just deleted, so the window can offer Undo</extracomment>
        <translation>Hapus klien</translation>
    </message>
    <message>
        <source>Delete {name}? You can undo this with Ctrl+Z.</source>
        <translation>Hapus {name}? Anda bisa membatalkannya dengan Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} jam {m} menit</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} menit</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} menit</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} jam</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} hari</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Terjadi kesalahan</translation>
    </message>
    <message>
        <source>agencydesk hit a problem it did not expect. Your data is safe: nothing was half-saved. If it happens again, please send the details to the developers.</source>
        <translation>agencydesk mengalami masalah yang tidak terduga. Data Anda aman: tidak ada yang tersimpan setengah jalan. Jika terjadi lagi, mohon kirim rinciannya kepada pengembang.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Salin rincian</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Tampilkan rincian</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Sembunyikan rincian</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the chat export</source>
        <translation>Pilih file ekspor chat</translation>
    </message>
    <message>
        <source>In WhatsApp: open the chat, ⋮ ▸ More ▸ Export chat. Telegram, LINE, Messenger/Instagram and CSV exports work too.</source>
        <translation>Di WhatsApp: buka chat, ⋮ ▸ Lainnya ▸ Ekspor chat. Ekspor Telegram, LINE, Messenger/Instagram dan CSV juga bisa.</translation>
    </message>
    <message>
        <source>The exported .txt, .zip, .json or .csv file</source>
        <translation>File .txt, .zip, .json atau .csv hasil ekspor</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Telusuri…</translation>
    </message>
    <message>
        <source>Chat exports (*.txt *.zip *.json *.csv);;All files (*)</source>
        <translation>Ekspor chat (*.txt *.zip *.json *.csv);;Semua file (*)</translation>
    </message>
</context>
<context>
    <name>GuideEditorDialog</name>
    <message>
        <source>New guide</source>
        <extracomment>pictures inserted but not saved yet: name → (data, MIME type)</extracomment>
        <translation>Panduan baru</translation>
    </message>
    <message>
        <source>Edit guide</source>
        <translation>Ubah panduan</translation>
    </message>
    <message>
        <source>e.g. How to log in to your WordPress dashboard</source>
        <translation>mis. Cara masuk ke dasbor WordPress</translation>
    </message>
    <message>
        <source>Very gentle: tiny steps and no jargon, for clients who need every step</source>
        <translation>Sangat pelan: langkah-langkah kecil tanpa istilah teknis, untuk klien yang perlu dijelaskan setiap langkahnya</translation>
    </message>
    <message>
        <source>None – this is an original guide</source>
        <translation>Tidak ada – ini panduan asli</translation>
    </message>
    <message>
        <source>comma-separated, e.g. wordpress, login</source>
        <translation>dipisah koma, mis. wordpress, login</translation>
    </message>
    <message>
        <source>Write the guide in plain words, one step per line:

Hello {first_name},

1. Open {site_url}/wp-admin
1. Type your user name and password
1. Click **Log In**</source>
        <translation>Tulis panduan dengan kata-kata sederhana, satu langkah per baris:

Halo {first_name},

1. Buka {site_url}/wp-admin
1. Ketik nama pengguna dan kata sandi Anda
1. Klik **Log Masuk**</translation>
    </message>
    <message>
        <source>The guide appears here as you type.</source>
        <translation>Panduan muncul di sini saat Anda mengetik.</translation>
    </message>
    <message>
        <source>Insert picture…</source>
        <translation>Sisipkan gambar…</translation>
    </message>
    <message>
        <source>Insert placeholder</source>
        <translation>Sisipkan isian otomatis</translation>
    </message>
    <message>
        <source>**bold**   *italic*   1. steps   - points   # heading</source>
        <translation>**tebal**   *miring*   1. langkah   - poin   # judul</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>Judul *</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Gentle version of</source>
        <translation>Versi pelan dari</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Text (Markdown)</source>
        <translation>Teks (Markdown)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <source>how you greet the client, e.g. Bu Ratna</source>
        <translation>sapaan untuk klien, mis. Bu Ratna</translation>
    </message>
    <message>
        <source>first name, e.g. Ratna</source>
        <translation>nama depan, mis. Ratna</translation>
    </message>
    <message>
        <source>full name, e.g. Ibu Ratna Wulandari</source>
        <translation>nama lengkap, mis. Ibu Ratna Wulandari</translation>
    </message>
    <message>
        <source>the client&apos;s company</source>
        <translation>usaha atau perusahaan klien</translation>
    </message>
    <message>
        <source>the client&apos;s website</source>
        <translation>website klien</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>nama Anda</translation>
    </message>
    <message>
        <source>today&apos;s date</source>
        <translation>tanggal hari ini</translation>
    </message>
    <message>
        <source>Insert picture</source>
        <translation>Sisipkan gambar</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Gambar (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>Could not read {file}: {reason}</source>
        <translation>Tidak bisa membaca {file}: {reason}</translation>
    </message>
    <message>
        <source>Please choose a PNG, JPEG, GIF or WebP picture.</source>
        <translation>Mohon pilih gambar PNG, JPEG, GIF, atau WebP.</translation>
    </message>
    <message>
        <source>This picture is larger than 5 MB. Please choose a smaller one.</source>
        <translation>Gambar ini lebih dari 5 MB. Mohon pilih yang lebih kecil.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Buang perubahan</translation>
    </message>
    <message>
        <source>Close without saving? What you wrote in this guide will be lost.</source>
        <translation>Tutup tanpa menyimpan? Yang sudah Anda tulis di panduan ini akan hilang.</translation>
    </message>
    <message>
        <source>Please give the guide a title.</source>
        <translation>Mohon beri judul untuk panduan ini.</translation>
    </message>
    <message>
        <source>This is too long.</source>
        <translation>Isian ini terlalu panjang.</translation>
    </message>
    <message>
        <source>Choose Bahasa Indonesia or English.</source>
        <translation>Pilih Bahasa Indonesia atau Bahasa Inggris.</translation>
    </message>
    <message>
        <source>Choose one of the listed levels.</source>
        <translation>Pilih salah satu tingkat yang tersedia.</translation>
    </message>
    <message>
        <source>A guide cannot be a gentle version of itself.</source>
        <translation>Panduan tidak bisa menjadi versi pelan dari dirinya sendiri.</translation>
    </message>
    <message>
        <source>That guide does not exist any more.</source>
        <translation>Panduan itu sudah tidak ada.</translation>
    </message>
    <message>
        <source>That guide is itself a gentle version: choose its original.</source>
        <translation>Panduan itu sendiri adalah versi pelan: pilih panduan aslinya.</translation>
    </message>
    <message>
        <source>Other guides are gentle versions of this one, so it cannot be one itself.</source>
        <translation>Ada panduan lain yang menjadi versi pelan dari panduan ini, jadi panduan ini tidak bisa menjadi versi pelan.</translation>
    </message>
    <message>
        <source>A picture name is not usable. Please insert it again.</source>
        <translation>Nama gambar tidak bisa dipakai. Mohon sisipkan gambarnya lagi.</translation>
    </message>
    <message>
        <source>This guide already has a picture with that name.</source>
        <translation>Panduan ini sudah punya gambar dengan nama itu.</translation>
    </message>
    <message>
        <source>The picture file is empty.</source>
        <translation>Berkas gambar kosong.</translation>
    </message>
</context>
<context>
    <name>GuideLabels</name>
    <message>
        <source>Bahasa Indonesia</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Bahasa Inggris</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Biasa</translation>
    </message>
    <message>
        <source>Very gentle</source>
        <translation>Sangat pelan</translation>
    </message>
</context>
<context>
    <name>GuidePreview</name>
    <message>
        <source>Picture not found: {name}</source>
        <translation>Gambar tidak ditemukan: {name}</translation>
    </message>
</context>
<context>
    <name>GuideTableModel</name>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>How many times the guide was sent to a client</source>
        <translation>Berapa kali panduan ini sudah dikirim ke klien</translation>
    </message>
</context>
<context>
    <name>GuidesPage</name>
    <message>
        <source>Search guides by title, text or tag</source>
        <extracomment>data-bus topics that can change what this page shows (guide id, title) of a guide just deleted, so the window can offer Undo who signs the guides ({my_name}); the window may set it from the settings</extracomment>
        <translation>Cari panduan menurut judul, isi, atau label</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Semua bahasa</translation>
    </message>
    <message>
        <source>New guide</source>
        <translation>Panduan baru</translation>
    </message>
    <message>
        <source>No guide chosen. Write your first how-to with “New guide”.</source>
        <translation>Belum ada panduan yang dipilih. Tulis panduan pertama Anda dengan “Panduan baru”.</translation>
    </message>
    <message>
        <source>Who received it</source>
        <translation>Siapa yang sudah menerima</translation>
    </message>
    <message>
        <source>Not sent to anyone yet.</source>
        <translation>Belum dikirim ke siapa pun.</translation>
    </message>
    <message>
        <source>Send to client…</source>
        <translation>Kirim ke klien…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Very gentle version:</source>
        <translation>Versi sangat pelan:</translation>
    </message>
    <message>
        <source>Gentle version of:</source>
        <translation>Versi pelan dari:</translation>
    </message>
    <message>
        <source>Delete guide</source>
        <translation>Hapus panduan</translation>
    </message>
    <message>
        <source>Delete the guide “{name}”? You can undo this with Ctrl+Z.</source>
        <translation>Hapus panduan “{name}”? Anda bisa membatalkannya dengan Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Importing…</source>
        <translation>Mengimpor…</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Batalkan impor</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Adding the messages to the history…</source>
        <translation>Menambahkan pesan ke riwayat…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was saved.</source>
        <translation>Dibatalkan. Tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>The import failed. Nothing was saved.</source>
        <translation>Impor gagal. Tidak ada yang disimpan.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import chat</source>
        <translation>Impor chat</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>agencydesk</source>
        <extracomment>emitted once the client list shows its first rows (or knows it is empty): from the quick read-only list when the database is up to date, else from the real page; once per opening emitted when the database is open and the real (ORM-backed) pages are in the read-only first page of clients shown until clients_page is built</extracomment>
        <translation>agencydesk</translation>
    </message>
    <message>
        <source>Opening your desk…</source>
        <translation>Membuka meja kerja Anda…</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tiket</translation>
    </message>
    <message>
        <source>Guides</source>
        <translation>Panduan</translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation>Klien &amp;baru…</translation>
    </message>
    <message>
        <source>&amp;Find client</source>
        <translation>&amp;Cari klien</translation>
    </message>
    <message>
        <source>&amp;Search everything…</source>
        <translation>&amp;Cari semuanya…</translation>
    </message>
    <message>
        <source>New &amp;ticket…</source>
        <translation>&amp;Tiket baru…</translation>
    </message>
    <message>
        <source>&amp;Edit client…</source>
        <translation>&amp;Ubah klien…</translation>
    </message>
    <message>
        <source>&amp;Delete client…</source>
        <translation>&amp;Hapus klien…</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>&amp;Batalkan hapus</translation>
    </message>
    <message>
        <source>&amp;Import chat…</source>
        <translation>&amp;Impor chat…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Cadangkan &amp;sekarang</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Pulihkan dari cadangan…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>Your &amp;name for guides…</source>
        <translation>&amp;Nama Anda untuk panduan…</translation>
    </message>
    <message>
        <source>&amp;About agencydesk</source>
        <translation>&amp;Tentang agencydesk</translation>
    </message>
    <message>
        <source>Open data &amp;folder</source>
        <translation>Buka &amp;folder data</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Pengaturan</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Sama dengan sistem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>B&amp;antuan</translation>
    </message>
    <message>
        <source>Opening {file}…</source>
        <translation>Membuka {file}…</translation>
    </message>
    <message>
        <source>Today&apos;s backup is saved.</source>
        <translation>Cadangan hari ini sudah disimpan.</translation>
    </message>
    <message>
        <source>The database could not be opened.</source>
        <translation>Basis data tidak bisa dibuka.</translation>
    </message>
    <message>
        <source>Welcome to agencydesk</source>
        <translation>Selamat datang di agencydesk</translation>
    </message>
    <message>
        <source>Your desk is empty. Would you like to look around with demo clients first?

They tell the story of Bu Ratna, who had to be taught to chat online and then sent us her friends. You can delete demo clients like any others.</source>
        <translation>Meja kerja Anda masih kosong. Mau melihat-lihat dulu dengan klien contoh?

Mereka menceritakan kisah Bu Ratna, yang perlu diajari dulu cara chatting online lalu mengenalkan teman-temannya kepada kita. Klien contoh bisa dihapus seperti klien lain.</translation>
    </message>
    <message>
        <source>Adding demo clients…</source>
        <translation>Menambahkan klien contoh…</translation>
    </message>
    <message>
        <source>Added {count} demo clients.</source>
        <translation>{count} klien contoh ditambahkan.</translation>
    </message>
    <message>
        <source>{shown} of {total} clients match</source>
        <translation>{shown} dari {total} klien cocok</translation>
    </message>
    <message>
        <source>1 client</source>
        <translation>1 klien</translation>
    </message>
    <message>
        <source>{count} clients</source>
        <translation>{count} klien</translation>
    </message>
    <message>
        <source>Copied. Paste it into WhatsApp (Ctrl+V).</source>
        <translation>Tersalin. Tempelkan di WhatsApp (Ctrl+V).</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Nama Anda</translation>
    </message>
    <message>
        <source>How you sign your guides, e.g. &quot;Mas Budi&quot;:</source>
        <translation>Nama penutup di panduan Anda, mis. &quot;Mas Budi&quot;:</translation>
    </message>
    <message>
        <source>&amp;Undo delete of {name}</source>
        <translation>&amp;Batalkan hapus {name}</translation>
    </message>
    <message>
        <source>Deleted {name}. Press Ctrl+Z to undo.</source>
        <translation>{name} dihapus. Tekan Ctrl+Z untuk membatalkan.</translation>
    </message>
    <message>
        <source>{name} is back.</source>
        <translation>{name} sudah kembali.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Mencadangkan…</translation>
    </message>
    <message>
        <source>Backed up to {file}.</source>
        <translation>Dicadangkan ke {file}.</translation>
    </message>
    <message>
        <source>Restoring {file}…</source>
        <translation>Memulihkan {file}…</translation>
    </message>
    <message>
        <source>Restored. Your previous data was backed up first.</source>
        <translation>Sudah dipulihkan. Data Anda sebelumnya dicadangkan dulu.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>The new language is used the next time you start agencydesk.</source>
        <translation>Bahasa baru dipakai saat agencydesk dibuka lagi.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Who is who?</source>
        <translation>Siapa adalah siapa?</translation>
    </message>
    <message>
        <source>Tell agencydesk which sender is you and which are your clients.</source>
        <translation>Beri tahu agencydesk pengirim mana Anda dan mana klien Anda.</translation>
    </message>
    <message>
        <source>Add to the history of:</source>
        <translation>Tambahkan ke riwayat:</translation>
    </message>
    <message>
        <source>Senders in this chat:</source>
        <translation>Pengirim di chat ini:</translation>
    </message>
    <message>
        <source>The busiest client in the chat</source>
        <translation>Klien yang paling banyak menulis di chat</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Saya</translation>
    </message>
    <message>
        <source>New client “{name}”</source>
        <translation>Klien baru “{name}”</translation>
    </message>
    <message>
        <source>{name} ({count} messages)</source>
        <translation>{name} ({count} pesan)</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <source>New ticket</source>
        <translation>Tiket baru</translation>
    </message>
    <message>
        <source>e.g. Website shows an error</source>
        <translation>mis. Website menampilkan error</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <source>What did the client write? (optional)</source>
        <translation>Apa yang ditulis klien? (opsional)</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>Judul *</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Saluran</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Tanggal tenggat</translation>
    </message>
    <message>
        <source>First message</source>
        <translation>Pesan pertama</translation>
    </message>
    <message>
        <source>Add a client first.</source>
        <translation>Tambahkan klien dulu.</translation>
    </message>
    <message>
        <source>Please give the ticket a short title.</source>
        <translation>Mohon beri tiket judul singkat.</translation>
    </message>
    <message>
        <source>This is too long.</source>
        <translation>Isian ini terlalu panjang.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>What the file holds</source>
        <translation>Isi file</translation>
    </message>
    <message>
        <source>As detected</source>
        <translation>Sesuai deteksi</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>hari/bulan/tahun</translation>
    </message>
    <message>
        <source>month/day/year</source>
        <translation>bulan/hari/tahun</translation>
    </message>
    <message>
        <source>year/month/day</source>
        <translation>tahun/bulan/hari</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Dates written as:</source>
        <translation>Tanggal ditulis sebagai:</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>Peserta:</translation>
    </message>
    <message>
        <source>Messages:</source>
        <translation>Pesan:</translation>
    </message>
    <message>
        <source>From – to:</source>
        <translation>Dari – sampai:</translation>
    </message>
    <message>
        <source>The first messages:</source>
        <translation>Pesan-pesan pertama:</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Membaca {file}…</translation>
    </message>
    <message>
        <source>As detected ({order})</source>
        <translation>Sesuai deteksi ({order})</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>pesan</translation>
    </message>
    <message>
        <source>pictures or files</source>
        <translation>gambar atau file</translation>
    </message>
    <message>
        <source>notices</source>
        <translation>pemberitahuan</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>“{file}” could not be read ({problem}).</source>
        <translation>“{file}” tidak dapat dibaca ({problem}).</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <source>Low</source>
        <translation>Rendah</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Tinggi</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Mendesak</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>Choose the backup to go back to. Your current data is backed up first, so this can be undone by restoring that backup.</source>
        <translation>Pilih cadangan yang ingin dipulihkan. Data Anda saat ini dicadangkan dulu, jadi langkah ini bisa dibatalkan dengan memulihkan cadangan tersebut.</translation>
    </message>
    <message>
        <source>daily backup</source>
        <translation>cadangan harian</translation>
    </message>
    <message>
        <source>backed up by you</source>
        <translation>dicadangkan oleh Anda</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>sebelum pembaruan</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>sebelum pemulihan</translation>
    </message>
    <message>
        <source>{when} — {reason} ({size} KB)</source>
        <translation>{when} — {reason} ({size} KB)</translation>
    </message>
    <message>
        <source>There are no backups yet. One is made every day you start.</source>
        <translation>Belum ada cadangan. Cadangan dibuat setiap hari saat Anda membuka aplikasi.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search everything</source>
        <extracomment>the user chose a hit</extracomment>
        <translation>Cari semuanya</translation>
    </message>
    <message>
        <source>Search clients, tickets, messages and guides…  (Enter opens)</source>
        <translation>Cari klien, tiket, pesan, dan panduan…  (Enter untuk membuka)</translation>
    </message>
    <message>
        <source>Clients ({count})</source>
        <translation>Klien ({count})</translation>
    </message>
    <message>
        <source>Tickets ({count})</source>
        <translation>Tiket ({count})</translation>
    </message>
    <message>
        <source>Messages ({count})</source>
        <translation>Pesan ({count})</translation>
    </message>
    <message>
        <source>Guides ({count})</source>
        <translation>Panduan ({count})</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Tidak ditemukan.</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>{count} ditemukan</translation>
    </message>
    <message>
        <source>(slower search: this database has no full-text index)</source>
        <translation>(pencarian lebih lambat: basis data ini tidak punya indeks teks lengkap)</translation>
    </message>
</context>
<context>
    <name>SendGuideDialog</name>
    <message>
        <source>Send guide to a client</source>
        <translation>Kirim panduan ke klien</translation>
    </message>
    <message>
        <source>Type to find a client</source>
        <translation>Ketik untuk mencari klien</translation>
    </message>
    <message>
        <source>fills in {my_name}</source>
        <translation>mengisi {my_name}</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Panduan</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>For ticket</source>
        <translation>Untuk tiket</translation>
    </message>
    <message>
        <source>Sign as</source>
        <translation>Nama pengirim</translation>
    </message>
    <message>
        <source>Copy for WhatsApp</source>
        <translation>Salin untuk WhatsApp</translation>
    </message>
    <message>
        <source>What the client gets (ready to paste into WhatsApp)</source>
        <translation>Yang diterima klien (siap ditempel di WhatsApp)</translation>
    </message>
    <message>
        <source>{name} needs patient help (tech comfort: {level}), so the very gentle version of this guide is chosen. You can pick another guide above.</source>
        <translation>{name} perlu dibantu dengan sabar (melek teknologi: {level}), jadi versi sangat pelan dari panduan ini yang dipilih. Anda bisa memilih panduan lain di atas.</translation>
    </message>
    <message>
        <source>No ticket</source>
        <translation>Tanpa tiket</translation>
    </message>
    <message>
        <source>Choose a client to see the text they will get.</source>
        <translation>Pilih klien untuk melihat teks yang akan diterimanya.</translation>
    </message>
    <message>
        <source>There are no guides yet. Write one first.</source>
        <translation>Belum ada panduan. Tulis satu dulu.</translation>
    </message>
    <message>
        <source>{name} already got this guide on {date}.</source>
        <translation>{name} sudah menerima panduan ini pada {date}.</translation>
    </message>
    <message>
        <source>Not filled in: {names}. Add what is missing to the client (or type your name in “Sign as”), or replace it after pasting.</source>
        <translation>Belum terisi: {names}. Lengkapi data klien (atau ketik nama Anda di “Nama pengirim”), atau ganti setelah ditempel.</translation>
    </message>
    <message>
        <source>The pictures of this guide are not part of the copied text: send them after it.</source>
        <translation>Gambar dalam panduan ini tidak ikut tersalin: kirim gambarnya setelah teks.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Open ticket</source>
        <translation>Buka tiket</translation>
    </message>
    <message>
        <source>{new} new messages, {known} already known</source>
        <translation>{new} pesan baru, {known} sudah ada</translation>
    </message>
    <message>
        <source>; {count} tickets created</source>
        <translation>; {count} tiket dibuat</translation>
    </message>
    <message>
        <source>; {count} new clients</source>
        <translation>; {count} klien baru</translation>
    </message>
    <message>
        <source>Notes from reading the file:</source>
        <translation>Catatan saat membaca file:</translation>
    </message>
    <message>
        <source>Open last ticket</source>
        <translation>Buka tiket terakhir</translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message>
        <source>Where should the messages go?</source>
        <translation>Pesan-pesan ini dimasukkan ke mana?</translation>
    </message>
    <message>
        <source>Add to an existing ticket:</source>
        <translation>Tambahkan ke tiket yang ada:</translation>
    </message>
    <message>
        <source>Start a new ticket:</source>
        <translation>Buat tiket baru:</translation>
    </message>
    <message>
        <source>A new ticket after every quiet gap of at least:</source>
        <translation>Tiket baru setiap kali chat sepi paling sedikit:</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> jam</translation>
    </message>
    <message>
        <source>Only the client&apos;s history, no ticket</source>
        <translation>Hanya riwayat klien, tanpa tiket</translation>
    </message>
    <message>
        <source>Messages imported before are recognised and skipped, so importing a newer export of the same chat adds only what is new.</source>
        <translation>Pesan yang pernah diimpor dikenali dan dilewati, jadi mengimpor ekspor yang lebih baru dari chat yang sama hanya menambahkan yang baru.</translation>
    </message>
</context>
<context>
    <name>TechComfort</name>
    <message>
        <source>1 – needs every step explained</source>
        <translation>1 – perlu dijelaskan setiap langkah</translation>
    </message>
    <message>
        <source>2 – needs patient help</source>
        <translation>2 – perlu dibantu dengan sabar</translation>
    </message>
    <message>
        <source>3 – manages with some help</source>
        <translation>3 – bisa dengan sedikit bantuan</translation>
    </message>
    <message>
        <source>4 – comfortable</source>
        <translation>4 – cukup mahir</translation>
    </message>
    <message>
        <source>5 – very comfortable</source>
        <translation>5 – sangat mahir</translation>
    </message>
</context>
<context>
    <name>TicketStatus</name>
    <message>
        <source>Open</source>
        <translation>Terbuka</translation>
    </message>
    <message>
        <source>Waiting on client</source>
        <translation>Menunggu klien</translation>
    </message>
    <message>
        <source>Waiting on us</source>
        <translation>Menunggu kita</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <source>Ticket</source>
        <translation>Tiket</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Perubahan terakhir</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Lewat tenggat</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <source>Choose a ticket on the left, or create a new one.</source>
        <translation>Pilih tiket di sebelah kiri, atau buat tiket baru.</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <source>Satisfaction: not asked</source>
        <translation>Kepuasan: belum ditanya</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Write what the client said, your reply, or a note…  (Ctrl+Enter adds it)</source>
        <translation>Tulis pesan klien, balasan Anda, atau catatan…  (Ctrl+Enter untuk menambah)</translation>
    </message>
    <message>
        <source>From the client</source>
        <translation>Dari klien</translation>
    </message>
    <message>
        <source>My reply</source>
        <translation>Balasan saya</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Catatan internal</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Send a guide…</source>
        <translation>Kirim panduan…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <source>Add time</source>
        <translation>Tambah waktu</translation>
    </message>
    <message>
        <source>Opened {when}</source>
        <translation>Dibuka {when}</translation>
    </message>
    <message>
        <source>first reply after {wait}</source>
        <translation>balasan pertama setelah {wait}</translation>
    </message>
    <message>
        <source>not answered yet</source>
        <translation>belum dijawab</translation>
    </message>
    <message>
        <source>resolved {when}</source>
        <translation>selesai {when}</translation>
    </message>
    <message>
        <source>Time spent: {time}</source>
        <translation>Waktu terpakai: {time}</translation>
    </message>
    <message>
        <source>Stop timer</source>
        <translation>Hentikan timer</translation>
    </message>
    <message>
        <source>Start timer</source>
        <translation>Mulai timer</translation>
    </message>
</context>
<context>
    <name>TicketsPage</name>
    <message>
        <source>Search ticket titles and client names</source>
        <translation>Cari judul tiket dan nama klien</translation>
    </message>
    <message>
        <source>Still to do</source>
        <translation>Belum selesai</translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>Semua tiket</translation>
    </message>
    <message>
        <source>Any due date</source>
        <translation>Semua tenggat</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Lewat tenggat</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Tenggat hari ini</translation>
    </message>
    <message>
        <source>Due within a week</source>
        <translation>Tenggat dalam seminggu</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Tanpa tenggat</translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation>Semua prioritas</translation>
    </message>
    <message>
        <source>Show the tickets of every client</source>
        <translation>Tampilkan tiket semua klien</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>Tiket baru</translation>
    </message>
    <message>
        <source>Only {name}  ✕</source>
        <translation>Hanya {name}  ✕</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Ticket opened</source>
        <translation>Tiket dibuka</translation>
    </message>
    <message>
        <source>Ticket resolved</source>
        <translation>Tiket selesai</translation>
    </message>
    <message>
        <source>Guide sent</source>
        <translation>Panduan dikirim</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Catatan internal</translation>
    </message>
    <message>
        <source>Picture or file</source>
        <translation>Gambar atau berkas</translation>
    </message>
    <message>
        <source>Quote sent</source>
        <translation>Penawaran dikirim</translation>
    </message>
    <message>
        <source>Order won</source>
        <translation>Pesanan didapat</translation>
    </message>
    <message>
        <source>Order paid</source>
        <translation>Pesanan dibayar</translation>
    </message>
    <message>
        <source>I wrote</source>
        <translation>Saya menulis</translation>
    </message>
    <message>
        <source>Client wrote</source>
        <translation>Klien menulis</translation>
    </message>
    <message>
        <source>Nothing has happened with this client yet.</source>
        <translation>Belum ada kegiatan dengan klien ini.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Good morning</source>
        <extracomment>(overdue, due today, waiting): for the sidebar</extracomment>
        <translation>Selamat pagi</translation>
    </message>
    <message>
        <source>Good afternoon</source>
        <translation>Selamat siang</translation>
    </message>
    <message>
        <source>Good evening</source>
        <translation>Selamat sore</translation>
    </message>
    <message>
        <source>Good night</source>
        <translation>Selamat malam</translation>
    </message>
    <message>
        <source>Overdue ({count})</source>
        <translation>Lewat tenggat ({count})</translation>
    </message>
    <message>
        <source>{client} — {title} (was due {date})</source>
        <translation>{client} — {title} (tenggat {date})</translation>
    </message>
    <message>
        <source>Nothing overdue. Well done.</source>
        <translation>Tidak ada yang lewat tenggat. Bagus sekali.</translation>
    </message>
    <message>
        <source>Due today ({count})</source>
        <translation>Tenggat hari ini ({count})</translation>
    </message>
    <message>
        <source>Nothing is due today.</source>
        <translation>Tidak ada tenggat hari ini.</translation>
    </message>
    <message>
        <source>Waiting on us ({count})</source>
        <translation>Menunggu kita ({count})</translation>
    </message>
    <message>
        <source>{client} — {title} · waiting {wait}</source>
        <translation>{client} — {title} · menunggu {wait}</translation>
    </message>
    <message>
        <source>Nobody is waiting for us.</source>
        <translation>Tidak ada yang menunggu kita.</translation>
    </message>
    <message>
        <source>Median first reply this week: {wait}</source>
        <translation>Median balasan pertama minggu ini: {wait}</translation>
    </message>
    <message>
        <source>The first impression decides everything: answer new tickets first.</source>
        <translation>Kesan pertama menentukan segalanya: jawab tiket baru lebih dulu.</translation>
    </message>
    <message>
        <source>First replies this week</source>
        <translation>Balasan pertama minggu ini</translation>
    </message>
    <message>
        <source>{client} — {title} · answered after {wait}</source>
        <translation>{client} — {title} · dijawab setelah {wait}</translation>
    </message>
    <message>
        <source>{client} — {title} · not answered yet ({wait})</source>
        <translation>{client} — {title} · belum dijawab ({wait})</translation>
    </message>
    <message>
        <source>No new tickets this week.</source>
        <translation>Tidak ada tiket baru minggu ini.</translation>
    </message>
    <message>
        <source>Guides sent today ({count})</source>
        <translation>Panduan terkirim hari ini ({count})</translation>
    </message>
    <message>
        <source>{guide} → {client}, {time}</source>
        <translation>{guide} → {client}, {time}</translation>
    </message>
    <message>
        <source>No guides sent yet today.</source>
        <translation>Belum ada panduan terkirim hari ini.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>agencydesk is already open with this database ({file}). Switch to that window instead.</source>
        <translation>agencydesk sudah terbuka dengan basis data ini ({file}). Silakan beralih ke jendela tersebut.</translation>
    </message>
    <message>
        <source>Already open</source>
        <translation>Sudah terbuka</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot do that</source>
        <translation>Tidak bisa dilakukan</translation>
    </message>
</context>
</TS>
