<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
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
    <name>ClientsPage</name>
    <message>
        <source>Search by name, company, phone, email, city or tag  (Ctrl+F)</source>
        <extracomment>(client id, client name) of a client just deleted, so the window can offer Undo</extracomment>
        <translation>Cari nama, usaha, telepon, email, kota atau label  (Ctrl+F)</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Klien baru</translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation>Hapus klien</translation>
    </message>
    <message>
        <source>Delete {name}? You can undo this with Ctrl+Z.</source>
        <translation>Hapus {name}? Anda bisa membatalkannya dengan Ctrl+Z.</translation>
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
    <name>MainWindow</name>
    <message>
        <source>agencydesk</source>
        <extracomment>emitted once the client list shows its first rows (or knows it is empty)</extracomment>
        <translation>agencydesk</translation>
    </message>
    <message>
        <source>Opening your desk…</source>
        <translation>Membuka meja kerja Anda…</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Klien</translation>
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
    <message>
        <source>About agencydesk</source>
        <translation>Tentang agencydesk</translation>
    </message>
    <message>
        <source>agencydesk {version}

A daily desk for freelancers and small web agencies who support their clients.

Your data: {folder}</source>
        <translation>agencydesk {version}

Meja kerja harian untuk freelancer dan agensi web kecil yang melayani klien mereka.

Data Anda: {folder}</translation>
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
